using Microsoft.Extensions.Logging;

namespace Labelport.Server.Tests.Hosting;

internal sealed record CapturedLogEntry(string Category, LogLevel Level, int EventId, string Message);
