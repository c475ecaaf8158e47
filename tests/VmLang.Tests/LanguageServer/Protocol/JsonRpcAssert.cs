using System.Text.Json;

namespace VmLang.Tests.LanguageServer.Protocol;

internal static class JsonRpcAssert
{
    public static void IsError(JsonElement response, int code)
    {
        Assert.True(response.TryGetProperty("error", out JsonElement error), $"expected an error response, got {response}");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.False(response.TryGetProperty("result", out _));
    }

    /// <summary>Checks the id is exactly <paramref name="idJson"/> (so <c>1</c> and <c>"1"</c> differ).</summary>
    public static void HasId(JsonElement response, string idJson) =>
        Assert.Equal(idJson, response.GetProperty("id").GetRawText());
}
