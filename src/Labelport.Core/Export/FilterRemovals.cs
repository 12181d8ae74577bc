namespace Labelport.Core.Export;

/// <summary>How many object and classification instances (frame entries) a filter removed from a row.</summary>
public readonly record struct FilterRemovals(int ObjectInstances, int ClassificationInstances);
