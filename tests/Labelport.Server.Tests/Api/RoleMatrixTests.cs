using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelport.Server.Demo;

namespace Labelport.Server.Tests.Api;

/// <summary>Every project endpoint × every role (docs/rest-api.md "Roles"): the status each caller gets.</summary>
[Collection(ServerCollection.Name)]
public sealed class RoleMatrixTests(ServerFixture server)
{
    /// <summary>Any 2xx.</summary>
    private const int Ok = 2;

    private static readonly string[] Callers = ["admin", "team_manager", "reviewer", "annotator", "non-member", "anonymous"];

    [Fact]
    public async Task Every_endpoint_gives_each_role_the_documented_status()
    {
        var world = await WorldAsync();
        var p = "/api/projects/" + world.Project;
        var table = new (string Name, Func<HttpRequestMessage> Request, int[] Expected)[]
        {
            ("GET project", () => Get(p), [200, 200, 200, 200, 404, 401]),
            ("GET members", () => Get(p + "/members"), [200, 200, 200, 200, 404, 401]),
            ("GET label rows", () => Get(p + "/label-rows"), [200, 200, 200, 200, 404, 401]),
            ("GET label row", () => Get(p + "/label-rows/" + world.LabelHash), [200, 200, 200, 200, 404, 401]),
            ("POST label rows", () => Json(HttpMethod.Post, p + "/label-rows", world.RowJson), [200, 200, 200, 200, 404, 401]),
            ("PUT label row", () => Json(HttpMethod.Put, p + "/label-rows/" + world.LabelHash, world.RowJson), [200, 200, 200, 200, 404, 401]),
            ("PATCH label status", () => Json(HttpMethod.Patch, p + "/label-rows/" + world.LabelHash, "{\"labelStatus\":\"REVIEWED\"}"), [200, 200, 200, 403, 404, 401]),
            ("GET project datasets", () => Get(p + "/datasets"), [200, 200, 200, 200, 404, 401]),
            ("POST project datasets", () => Json(HttpMethod.Post, p + "/datasets", "{\"datasetHash\":\"" + world.Dataset + "\"}"), [204, 204, 403, 403, 404, 401]),
            ("POST members", () => Json(HttpMethod.Post, p + "/members", "{\"email\":\"" + world.Extra.Email + "\",\"role\":\"annotator\"}"), [200, 200, 403, 403, 404, 401]),
            ("GET media", () => Get("/api/data/" + world.MediaHash + "/media"), [200, 200, 200, 200, 404, 401]),
            ("POST export", () => Json(HttpMethod.Post, p + "/exports", "{\"format\":\"json\"}"), [Ok, Ok, 403, 403, 404, 401]),
            ("GET export history", () => Get(p + "/exports"), [200, 200, 403, 403, 404, 401]),
            ("GET export", () => Get("/api/exports/" + world.Export), [200, 200, 403, 403, 404, 401]),
            ("GET export file", () => Get("/api/exports/" + world.Export + "/file"), [200, 200, 403, 403, 404, 401]),
            ("POST export cancel (finished)", () => new HttpRequestMessage(HttpMethod.Post, "/api/exports/" + world.Export + "/cancel"), [409, 409, 403, 403, 404, 401]),
            ("DELETE member", () => new HttpRequestMessage(HttpMethod.Delete, p + "/members/" + world.Extra.UserId), [204, 204, 403, 403, 404, 401]),
        };
        var mismatches = new List<string>();
        foreach (var (name, request, expected) in table)
        {
            for (var c = 0; c < Callers.Length; c++)
            {
                using var message = request();
                var response = await world.Clients[c].SendAsync(message);
                var actual = (int)response.StatusCode;
                var matches = expected[c] == Ok ? actual is >= 200 and < 300 : actual == expected[c];
                if (!matches)
                {
                    mismatches.Add(name + " as " + Callers[c] + ": expected " + (expected[c] == Ok ? "2xx" : expected[c]) + ", got " + actual + " " + await response.Content.ReadAsStringAsync());
                }
                if (name == "DELETE member" && actual == 204)
                {
                    await server.AddMemberAsync(world.Project, world.Extra.Email, "annotator");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Team_manager_cannot_make_change_or_remove_an_admin()
    {
        var world = await WorldAsync();
        using var manager = server.Client(world.Users["team_manager"].ApiKey);
        var p = "/api/projects/" + world.Project;
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(p + "/members", new { email = world.Extra.Email, role = "admin" })).StatusCode);
        await server.AddMemberAsync(world.Project, world.Extra.Email, "admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(p + "/members", new { email = world.Extra.Email, role = "annotator" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync(p + "/members/" + world.Extra.UserId)).StatusCode);
        using var admin = server.AdminClient();
        var members = await admin.GetFromJsonAsync<JsonElement[]>(p + "/members");
        Assert.Equal("admin", members!.Single(m => m.GetProperty("userId").GetString() == world.Extra.UserId).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Non_members_do_not_see_the_project_in_lists()
    {
        var world = await WorldAsync();
        using var outsider = server.Client(world.Users["non-member"].ApiKey);
        var projects = await outsider.GetFromJsonAsync<JsonElement[]>("/api/projects");
        Assert.DoesNotContain(projects!, p => p.GetProperty("projectHash").GetString() == world.Project);
        using var annotator = server.Client(world.Users["annotator"].ApiKey);
        var mine = await annotator.GetFromJsonAsync<JsonElement[]>("/api/projects");
        Assert.Equal("annotator", mine!.Single(p => p.GetProperty("projectHash").GetString() == world.Project).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Annotators_cannot_change_label_status_through_put_or_import()
    {
        var world = await WorldAsync();
        using var annotator = server.Client(world.Users["annotator"].ApiKey);
        using var reviewer = server.Client(world.Users["reviewer"].ApiKey);
        var p = "/api/projects/" + world.Project + "/label-rows";
        var reviewed = WithStatus(world.RowJson, "REVIEWED");

        var put = await annotator.SendAsync(Json(HttpMethod.Put, p + "/" + world.LabelHash, reviewed));
        await AssertForbiddenAtAsync(put, "$.label_status");
        var import = await annotator.SendAsync(Json(HttpMethod.Post, p, "[" + reviewed + "]"));
        await AssertForbiddenAtAsync(import, "$[0].label_status");
        var newRow = JsonNode.Parse(reviewed)!.AsObject();
        newRow.Remove("label_hash");
        newRow["data_hash"] = Guid.NewGuid().ToString();
        var created = await annotator.SendAsync(Json(HttpMethod.Post, p, "[" + newRow.ToJsonString() + "]"));
        await AssertForbiddenAtAsync(created, "$[0].label_status");
        Assert.Equal("NOT_LABELLED", await StatusAsync(world, annotator));

        // Annotator statuses are the annotator's to set.
        Assert.Equal(HttpStatusCode.OK, (await annotator.SendAsync(Json(HttpMethod.Put, p + "/" + world.LabelHash, WithStatus(world.RowJson, "LABELLED")))).StatusCode);
        Assert.Equal("LABELLED", await StatusAsync(world, annotator));
        // A reviewed row keeps its status: labels may be re-sent unchanged, the status not moved back.
        Assert.Equal(HttpStatusCode.OK, (await reviewer.SendAsync(Json(HttpMethod.Put, p + "/" + world.LabelHash, reviewed))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await annotator.SendAsync(Json(HttpMethod.Put, p + "/" + world.LabelHash, reviewed))).StatusCode);
        await AssertForbiddenAtAsync(await annotator.SendAsync(Json(HttpMethod.Put, p + "/" + world.LabelHash, WithStatus(world.RowJson, "LABELLED"))), "$.label_status");
        Assert.Equal("REVIEWED", await StatusAsync(world, annotator));
    }

    [Fact]
    public async Task Attaching_a_dataset_needs_the_right_to_upload_into_it()
    {
        var world = await WorldAsync();
        foreach (var role in new[] { "annotator", "reviewer" })
        {
            using var member = server.Client(world.Users[role].ApiKey);
            var own = await server.CreateProjectAsync(DemoOntology.Json, role + "'s project", member);
            var attach = await member.PostAsJsonAsync("/api/projects/" + own + "/datasets", new { datasetHash = world.Dataset });
            Assert.True(attach.StatusCode == HttpStatusCode.Forbidden, role + ": " + (int)attach.StatusCode + " " + await attach.Content.ReadAsStringAsync());
            Assert.Empty((await member.GetFromJsonAsync<JsonElement[]>("/api/projects/" + own + "/datasets"))!);
            Assert.Empty(await LabelRowImportTests.ListAsync(member, own, ""));
        }
        using var outsider = server.Client(world.Users["non-member"].ApiKey);
        var outsiders = await server.CreateProjectAsync(DemoOntology.Json, "outsider's project", outsider);
        Assert.Equal(HttpStatusCode.BadRequest, (await outsider.PostAsJsonAsync("/api/projects/" + outsiders + "/datasets", new { datasetHash = world.Dataset })).StatusCode);
        // A team manager of a project holding the dataset may upload into it, so may attach it elsewhere.
        using var manager = server.Client(world.Users["team_manager"].ApiKey);
        var managers = await server.CreateProjectAsync(DemoOntology.Json, "manager's project", manager);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync("/api/projects/" + managers + "/datasets", new { datasetHash = world.Dataset })).StatusCode);
    }

    private static string WithStatus(string rowJson, string status)
    {
        var row = JsonNode.Parse(rowJson)!.AsObject();
        row["label_status"] = status;
        return row.ToJsonString();
    }

    private static async Task<string?> StatusAsync(World world, HttpClient client)
    {
        var rows = await LabelRowImportTests.ListAsync(client, world.Project, "");
        return Assert.Single(rows).GetProperty("labelStatus").GetString();
    }

    private static async Task AssertForbiddenAtAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, (int)response.StatusCode + " " + text);
        var error = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(path, error.GetProperty("path").GetString());
    }

    private async Task<World> WorldAsync()
    {
        var project = await server.CreateProjectAsync(DemoOntology.Json);
        var users = new Dictionary<string, TestUser>();
        foreach (var role in new[] { "team_manager", "reviewer", "annotator" })
        {
            users[role] = await server.CreateUserAsync(role);
            await server.AddMemberAsync(project, users[role].Email, role);
        }
        users["non-member"] = await server.CreateUserAsync("outsider");
        var extra = await server.CreateUserAsync("extra");
        await server.AddMemberAsync(project, extra.Email, "annotator");

        using var admin = server.AdminClient();
        var dataset = (await (await admin.PostAsJsonAsync("/api/datasets", new { title = "role media" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetHash").GetString()!;
        using var form = new MultipartFormDataContent();
        var png = new ByteArrayContent(DemoMedia.Scene(1));
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(png, "file", "scene.png");
        var upload = await admin.PostAsync("/api/datasets/" + dataset + "/data", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var mediaHash = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("dataHash").GetString()!;
        (await admin.PostAsJsonAsync("/api/projects/" + project + "/datasets", new { datasetHash = dataset })).EnsureSuccessStatusCode();
        var rows = await LabelRowImportTests.ListAsync(admin, project, "");
        var labelHash = Assert.Single(rows).GetProperty("labelHash").GetString()!;
        var rowJson = await admin.GetStringAsync("/api/projects/" + project + "/label-rows/" + labelHash);
        var export = await ExportApi.RunAsync(admin, project, new { format = "coco" });

        var clients = new HttpClient[Callers.Length];
        clients[0] = server.AdminClient();
        for (var c = 1; c < 5; c++)
        {
            clients[c] = server.Client(users[Callers[c]].ApiKey);
        }
        clients[5] = server.Client();
        return new World(project, dataset, mediaHash, labelHash, rowJson, export.GetProperty("exportHash").GetString()!, users, extra, clients);
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed record World(string Project, string Dataset, string MediaHash, string LabelHash, string RowJson, string Export, Dictionary<string, TestUser> Users, TestUser Extra, HttpClient[] Clients);
}
