using Labelport.Core.Json;
using Labelport.Core.Model;

namespace Labelport.Core.Encord;

/// <summary>One element of an export: the row, or why it could not be read. <see cref="Index"/> is -1 for a single-row input.</summary>
public sealed record LabelRowReadResult(int Index, LabelRow? Row, LabelFormatException? Error);
