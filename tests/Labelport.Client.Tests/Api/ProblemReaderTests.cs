using System.Net;

namespace Labelport.Client.Tests.Api;

public sealed class ProblemReaderTests
{
    [Fact]
    public void The_documented_errors_list_keeps_each_path_and_message()
    {
        var problem = ProblemReader.Parse(
            """{"type":"https://labelport.dev/problems/validation","title":"Invalid export request","status":400,"detail":"2 problems","errors":[{"path":"$.objectFeatureHashes[1]","message":"unknown feature hash 'x'"},{"path":"$.labelStatuses[0]","message":"unknown status 'DONE'"}]}""",
            HttpStatusCode.BadRequest, "Bad Request");
        Assert.Equal("Invalid export request", problem.Title);
        Assert.Equal(400, problem.Status);
        Assert.Equal("2 problems", problem.Detail);
        Assert.Equal([new ApiProblemError("$.objectFeatureHashes[1]", "unknown feature hash 'x'"), new ApiProblemError("$.labelStatuses[0]", "unknown status 'DONE'")], problem.Errors);
        var exception = new LabelportApiException(HttpStatusCode.BadRequest, problem);
        Assert.Equal("400 Invalid export request: 2 problems\n$.objectFeatureHashes[1]: unknown feature hash 'x'\n$.labelStatuses[0]: unknown status 'DONE'", exception.Message);
    }

    [Fact]
    public void Framework_style_error_dictionaries_are_read_too()
    {
        var problem = ProblemReader.Parse("""{"title":"One or more validation errors occurred.","status":400,"errors":{"title":["The title field is required."]}}""", HttpStatusCode.BadRequest, null);
        Assert.Equal([new ApiProblemError("title", "The title field is required.")], problem.Errors);
    }

    [Fact]
    public void A_body_that_is_not_a_problem_still_gives_status_and_text()
    {
        var problem = ProblemReader.Parse("<html>bad gateway</html>", HttpStatusCode.BadGateway, "Bad Gateway");
        Assert.Equal(502, problem.Status);
        Assert.Equal("Bad Gateway", problem.Title);
        Assert.Equal("<html>bad gateway</html>", problem.Detail);
        Assert.Empty(problem.Errors);
        Assert.Equal("Forbidden", ProblemReader.Parse(string.Empty, HttpStatusCode.Forbidden, "Forbidden").Title);
    }
}
