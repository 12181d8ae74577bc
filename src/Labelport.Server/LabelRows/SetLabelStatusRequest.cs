namespace Labelport.Server.LabelRows;

public sealed record SetLabelStatusRequest(string LabelStatus);
