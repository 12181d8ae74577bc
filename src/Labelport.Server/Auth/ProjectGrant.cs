using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.Auth;

/// <summary>A project the caller may act in, with the caller's role there.</summary>
public sealed record ProjectGrant(ProjectRecord Project, ProjectRole Role);
