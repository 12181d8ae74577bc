namespace Labelport.Server.Hosting;

public sealed record HealthResponse(string Status);
