using Labelport.Core.Model;
using Labelport.Server.Hosting;
using Labelport.Storage;

namespace Labelport.Server.LabelRows;

/// <summary>
/// Who may set which label status through PUT and import (PATCH, the review step, needs a reviewer): an annotator
/// may move a row between NOT_LABELLED, LABEL_IN_PROGRESS and LABELLED; any other status, or moving a row out of one,
/// needs a reviewer. Re-sending a row with its stored status is always allowed.
/// </summary>
internal static class LabelStatusRights
{
    private const string DefaultStatus = "NOT_LABELLED";

    private static readonly string[] AnnotatorStatuses = [DefaultStatus, "LABEL_IN_PROGRESS", "LABELLED"];

    /// <summary>Throws 403 naming <paramref name="path"/> when <paramref name="role"/> may not give the row its status.</summary>
    public static void Require(ProjectRole role, string? storedStatus, LabelRow row, string path)
    {
        var status = row.LabelStatusName ?? DefaultStatus;
        if (role >= ProjectRole.Reviewer || status == storedStatus)
        {
            return;
        }
        if (AnnotatorStatuses.Contains(status) && (storedStatus is null || AnnotatorStatuses.Contains(storedStatus)))
        {
            return;
        }
        var message = storedStatus is null
            ? "an annotator may give a new row only the label status " + string.Join(", ", AnnotatorStatuses) + ", not \"" + status + "\""
            : "an annotator may not change the label status from " + storedStatus + " to \"" + status + "\"; that needs a reviewer";
        throw new ApiProblemException(Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden, "Forbidden", path + ": " + message, [new FieldError(path, message)]);
    }
}
