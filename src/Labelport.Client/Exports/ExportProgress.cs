namespace Labelport.Client;

/// <summary>How far an export is: label rows written of label rows selected.</summary>
/// <param name="Done">Label rows written so far.</param>
/// <param name="Total">Label rows selected (0 until the job knows).</param>
public sealed record ExportProgress(long Done, long Total)
{
    /// <summary><see cref="Done"/> / <see cref="Total"/> between 0 and 1 (0 while the total is unknown).</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
