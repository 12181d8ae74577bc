namespace Labelport.Storage.Records;

public sealed record MemberRecord(string ProjectHash, string UserId, string Email, string Name, ProjectRole Role);
