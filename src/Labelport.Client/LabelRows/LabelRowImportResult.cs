namespace Labelport.Client;

/// <summary>The outcome of a label-row import: every row was valid and is stored.</summary>
/// <param name="Imported">Number of rows stored (new or replaced).</param>
/// <param name="LabelHashes">The label hashes of the stored rows, in input order.</param>
public sealed record LabelRowImportResult(int Imported, IReadOnlyList<string> LabelHashes);
