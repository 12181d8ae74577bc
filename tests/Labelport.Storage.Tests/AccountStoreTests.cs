using System.Security.Cryptography;
using System.Text;
using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

public abstract class AccountStoreTests(StoreFixture fixture)
{
    [Fact]
    public async Task Created_user_is_found_by_id_and_by_email_in_any_case()
    {
        await using var storage = await fixture.OpenAsync();
        var user = TestData.User("Ada.Lovelace@Example.com", isSystemAdmin: true);

        Assert.True(await storage.Accounts.TryCreateUserAsync(user, default));

        Assert.Equal(user, await storage.Accounts.FindUserByIdAsync(user.UserId, default));
        Assert.Equal(user, await storage.Accounts.FindUserByEmailAsync("ada.lovelace@example.com", default));
        Assert.Equal(user, await storage.Accounts.FindUserByEmailAsync("ADA.LOVELACE@EXAMPLE.COM", default));
        Assert.Null(await storage.Accounts.FindUserByEmailAsync("ada@example.com", default));
        Assert.Null(await storage.Accounts.FindUserByIdAsync(TestData.NewHash(), default));
    }

    [Fact]
    public async Task Second_user_with_the_same_email_in_another_case_is_refused()
    {
        await using var storage = await fixture.OpenAsync();
        var first = TestData.User("grace@example.com");
        var second = TestData.User("GRACE@example.COM") with { Name = "Impostor" };

        Assert.True(await storage.Accounts.TryCreateUserAsync(first, default));
        Assert.False(await storage.Accounts.TryCreateUserAsync(second, default));

        var users = await storage.Accounts.ListUsersAsync(default);
        Assert.Equal([first], users);
        Assert.Null(await storage.Accounts.FindUserByIdAsync(second.UserId, default));
    }

    [Fact]
    public async Task Users_are_listed_with_key_only_users_having_no_password()
    {
        await using var storage = await fixture.OpenAsync();
        var withPassword = TestData.User("b@example.com");
        var keyOnly = TestData.User("a@example.com") with { PasswordHash = null };
        await storage.Accounts.TryCreateUserAsync(withPassword, default);
        await storage.Accounts.TryCreateUserAsync(keyOnly, default);

        var users = await storage.Accounts.ListUsersAsync(default);

        Assert.Equal([keyOnly, withPassword], users);
    }

    [Fact]
    public async Task Api_key_is_found_by_its_hash_together_with_its_user()
    {
        await using var storage = await fixture.OpenAsync();
        var user = await TestData.CreateUserAsync(storage);
        var key = NewKey(user.UserId, "ci");
        await storage.Accounts.CreateApiKeyAsync(key, default);

        var found = await storage.Accounts.FindApiKeyAsync(SHA256.HashData(Encoding.UTF8.GetBytes("secret-ci")), default);

        Assert.NotNull(found);
        Assert.Equal(key.KeyId, found.Value.Key.KeyId);
        Assert.Equal(key.KeyHash, found.Value.Key.KeyHash);
        Assert.Equal(key.CreatedAt, found.Value.Key.CreatedAt);
        Assert.Null(found.Value.Key.LastUsedAt);
        Assert.Equal(user, found.Value.User);
        Assert.Null(await storage.Accounts.FindApiKeyAsync(SHA256.HashData("secret-other"u8), default));
    }

    [Fact]
    public async Task Two_keys_with_the_same_hash_cannot_exist()
    {
        await using var storage = await fixture.OpenAsync();
        var user = await TestData.CreateUserAsync(storage);
        await storage.Accounts.CreateApiKeyAsync(NewKey(user.UserId, "one"), default);

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Accounts.CreateApiKeyAsync(NewKey(user.UserId, "one"), default));
    }

    [Fact]
    public async Task Keys_are_listed_per_user_and_touch_records_the_last_use()
    {
        await using var storage = await fixture.OpenAsync();
        var alice = await TestData.CreateUserAsync(storage);
        var bob = await TestData.CreateUserAsync(storage);
        var first = NewKey(alice.UserId, "first", TestData.T0);
        var second = NewKey(alice.UserId, "second", TestData.T0.AddMinutes(1));
        var bobs = NewKey(bob.UserId, "bobs");
        await storage.Accounts.CreateApiKeyAsync(second, default);
        await storage.Accounts.CreateApiKeyAsync(first, default);
        await storage.Accounts.CreateApiKeyAsync(bobs, default);

        var usedAt = TestData.T0.AddHours(3).AddMilliseconds(7);
        await storage.Accounts.TouchApiKeyAsync(second.KeyId, usedAt, default);

        var keys = await storage.Accounts.ListApiKeysAsync(alice.UserId, default);
        Assert.Equal([first.KeyId, second.KeyId], keys.Select(k => k.KeyId));
        Assert.Null(keys[0].LastUsedAt);
        Assert.Equal(usedAt, keys[1].LastUsedAt);
        Assert.Equal("second", keys[1].Name);
        Assert.Equal([bobs.KeyId], (await storage.Accounts.ListApiKeysAsync(bob.UserId, default)).Select(k => k.KeyId));
    }

    [Fact]
    public async Task A_user_deletes_only_their_own_key()
    {
        await using var storage = await fixture.OpenAsync();
        var alice = await TestData.CreateUserAsync(storage);
        var mallory = await TestData.CreateUserAsync(storage);
        var key = NewKey(alice.UserId, "alice");
        await storage.Accounts.CreateApiKeyAsync(key, default);

        Assert.False(await storage.Accounts.DeleteApiKeyAsync(mallory.UserId, key.KeyId, default));
        Assert.NotNull(await storage.Accounts.FindApiKeyAsync(key.KeyHash, default));

        Assert.True(await storage.Accounts.DeleteApiKeyAsync(alice.UserId, key.KeyId, default));
        Assert.Null(await storage.Accounts.FindApiKeyAsync(key.KeyHash, default));
        Assert.Empty(await storage.Accounts.ListApiKeysAsync(alice.UserId, default));
        Assert.False(await storage.Accounts.DeleteApiKeyAsync(alice.UserId, key.KeyId, default));
    }

    private static ApiKeyRecord NewKey(string userId, string name, DateTimeOffset? createdAt = null) =>
        new(TestData.NewHash(), userId, name, SHA256.HashData(Encoding.UTF8.GetBytes("secret-" + name)), createdAt ?? TestData.T0, null);
}
