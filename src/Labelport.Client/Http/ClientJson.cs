using System.Text.Json;
using System.Text.Json.Serialization;

namespace Labelport.Client;

/// <summary>The wire types, serialised by source-generated code (camelCase, web defaults, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Me))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(IReadOnlyList<Project>))]
[JsonSerializable(typeof(CreateProjectRequest))]
[JsonSerializable(typeof(Dataset))]
[JsonSerializable(typeof(IReadOnlyList<Dataset>))]
[JsonSerializable(typeof(DataItem))]
[JsonSerializable(typeof(IReadOnlyList<DataItem>))]
[JsonSerializable(typeof(LabelRowSummary))]
[JsonSerializable(typeof(LabelRowPage))]
[JsonSerializable(typeof(LabelRowImportResult))]
[JsonSerializable(typeof(ExportRequest))]
[JsonSerializable(typeof(ExportJob))]
[JsonSerializable(typeof(IReadOnlyList<ExportJob>))]
[JsonSerializable(typeof(TitleBody))]
[JsonSerializable(typeof(DatasetHashBody))]
[JsonSerializable(typeof(LabelStatusBody))]
internal sealed partial class ClientJson : JsonSerializerContext;
