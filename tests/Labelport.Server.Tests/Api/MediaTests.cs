using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Labelport.Server.Demo;
using Labelport.Server.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class MediaTests(ServerFixture server)
{
    [Fact]
    public async Task Png_upload_reads_its_size_and_streams_back_with_range()
    {
        using var admin = server.AdminClient();
        var dataset = await DatasetAsync(admin);
        var png = DemoMedia.Scene(3);
        var upload = await UploadAsync(admin, dataset, [("a.png", png)], kind: null);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var unit = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("units")[0];
        Assert.Equal(DemoMedia.ImageWidth, unit.GetProperty("width").GetInt32());
        Assert.Equal(DemoMedia.ImageHeight, unit.GetProperty("height").GetInt32());
        Assert.Equal("image/png", unit.GetProperty("mimeType").GetString());
        Assert.Equal(png.Length, unit.GetProperty("size").GetInt64());
        var hash = unit.GetProperty("dataHash").GetString()!;

        var media = await admin.GetAsync("/api/data/" + hash + "/media");
        Assert.Equal("image/png", media.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await media.Content.ReadAsByteArrayAsync());
        using var range = new HttpRequestMessage(HttpMethod.Get, "/api/data/" + hash + "/media");
        range.Headers.Range = new RangeHeaderValue(10, 19);
        var partial = await admin.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(png[10..20], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Image_group_and_sequence_are_one_item_with_ordered_units()
    {
        using var admin = server.AdminClient();
        var dataset = await DatasetAsync(admin);
        var upload = await UploadAsync(admin, dataset, [("1.png", DemoMedia.Scene(1)), ("2.png", DemoMedia.Scene(2)), ("3.png", DemoMedia.Scene(3))], "image_sequence", ("title", "seq"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var item = Assert.Single((await upload.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal("img_group", item.GetProperty("dataType").GetString());
        Assert.True(item.GetProperty("isImageSequence").GetBoolean());
        Assert.Equal("seq", item.GetProperty("title").GetString());
        Assert.Equal(["1.png", "2.png", "3.png"], item.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("title").GetString()));
        Assert.Equal([0, 1, 2], item.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("sequence").GetInt32()));
        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/datasets/" + dataset + "/data");
        Assert.Single(listed!);
    }

    [Fact]
    public async Task Video_needs_its_sizes_and_fake_media_is_415()
    {
        using var admin = server.AdminClient();
        var dataset = await DatasetAsync(admin);
        var video = DemoMedia.Video();
        var missing = await UploadAsync(admin, dataset, [("v.mp4", video)], "video", ("width", "160"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("frames", problem.GetProperty("detail").GetString());
        Assert.Equal(["height", "frames", "fps"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));

        var ok = await UploadAsync(admin, dataset, [("v.mp4", video)], "video", ("width", "160"), ("height", "120"), ("frames", "20"), ("fps", "10"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var unit = (await ok.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("units")[0];
        Assert.Equal("video/mp4", unit.GetProperty("mimeType").GetString());
        Assert.Equal(20, unit.GetProperty("frames").GetInt32());

        var fake = await UploadAsync(admin, dataset, [("evil.png", "<?php echo 1; ?>"u8.ToArray())], kind: null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, fake.StatusCode);
        var wrongKind = await UploadAsync(admin, dataset, [("v.mp4", video)], kind: "image");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongKind.StatusCode);
        Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/datasets/" + dataset + "/data"))!);
    }

    [Fact]
    public async Task Signed_urls_fetch_media_and_altered_expired_or_foreign_ones_are_403()
    {
        using var admin = server.AdminClient();
        var dataset = await DatasetAsync(admin);
        var png = DemoMedia.Scene(4);
        var upload = await UploadAsync(admin, dataset, [("b.png", png)], kind: null);
        var hash = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("dataHash").GetString()!;
        var signer = server.Services.GetRequiredService<MediaUrlSigner>();
        using var anonymous = server.Client();
        var path = signer.CreateSignedPath(hash, DateTimeOffset.UtcNow.AddMinutes(5));
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        using var range = new HttpRequestMessage(HttpMethod.Get, path);
        range.Headers.Range = new RangeHeaderValue(0, 7);
        Assert.Equal(HttpStatusCode.PartialContent, (await anonymous.SendAsync(range)).StatusCode);

        var signature = path[(path.IndexOf("signature=", StringComparison.Ordinal) + 10)..];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(path.Replace(signature, flipped, StringComparison.Ordinal))).StatusCode);
        var expires = path.Split("expires=")[1].Split('&')[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(path.Replace("expires=" + expires, "expires=" + (long.Parse(expires) + 1), StringComparison.Ordinal))).StatusCode);
        var expired = signer.CreateSignedPath(hash, DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(expired)).StatusCode);
        var foreign = new MediaUrlSigner(new byte[MediaUrlSigner.SecretLength]).CreateSignedPath(hash, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/media/" + hash)).StatusCode);
        // The member endpoint needs authentication.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/data/" + hash + "/media")).StatusCode);
    }

    private static async Task<string> DatasetAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/datasets", new { title = "media test" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetHash").GetString()!;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string dataset, (string Name, byte[] Bytes)[] files, string? kind, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", name);
        }
        return await client.PostAsync("/api/datasets/" + dataset + "/data", form);
    }
}
