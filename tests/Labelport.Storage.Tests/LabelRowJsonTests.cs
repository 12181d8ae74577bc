using System.Text;

namespace Labelport.Storage.Tests;

public sealed class LabelRowJsonTests
{
    [Fact]
    public void Status_and_edit_time_are_replaced_in_place_and_everything_else_is_kept()
    {
        var json = Encoding.UTF8.GetBytes("""{"label_hash":"l","last_edited_at":"2020-01-01 00:00:00","data_units":{"d":{"labels":{}}},"label_status":"LABELLED","x":[1,2.50,"\u00e9 ü"]}""");

        var patched = Encoding.UTF8.GetString(LabelRowJson.WithStatus(json, "REVIEWED", new DateTimeOffset(2026, 3, 1, 13, 4, 5, TimeSpan.FromHours(1))));

        Assert.Equal("""{"label_hash":"l","last_edited_at":"2026-03-01 12:04:05","data_units":{"d":{"labels":{}}},"label_status":"REVIEWED","x":[1,2.50,"é ü"]}""", patched);
    }

    [Fact]
    public void Missing_fields_are_added_and_a_non_object_is_refused()
    {
        var patched = Encoding.UTF8.GetString(LabelRowJson.WithStatus("""{"a":1}"""u8.ToArray(), "NOT_LABELLED", TestData.T0));

        Assert.Equal("""{"a":1,"last_edited_at":"2026-03-01 12:00:00","label_status":"NOT_LABELLED"}""", patched);
        Assert.Throws<InvalidOperationException>(() => LabelRowJson.WithStatus("[1]"u8.ToArray(), "LABELLED", TestData.T0));
    }
}
