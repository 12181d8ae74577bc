using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

public abstract class ProjectStoreTests(StoreFixture fixture)
{
    [Fact]
    public async Task Creating_a_project_makes_its_creator_admin()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var stranger = await TestData.CreateUserAsync(storage);

        Assert.Equal(project, await storage.Projects.FindProjectAsync(project.ProjectHash, default));
        Assert.Equal(ProjectRole.Admin, await storage.Projects.FindRoleAsync(project.ProjectHash, owner.UserId, default));
        Assert.Null(await storage.Projects.FindRoleAsync(project.ProjectHash, stranger.UserId, default));
        Assert.Null(await storage.Projects.FindProjectAsync(TestData.NewHash(), default));
    }

    [Fact]
    public async Task Project_creation_is_undone_when_the_creator_does_not_exist()
    {
        await using var storage = await fixture.OpenAsync();
        var project = TestData.Project();

        await Assert.ThrowsAnyAsync<Exception>(() => storage.Projects.CreateProjectAsync(project, TestData.NewHash(), default));

        Assert.Null(await storage.Projects.FindProjectAsync(project.ProjectHash, default));
    }

    [Fact]
    public async Task Users_list_their_projects_with_their_role_and_system_admins_see_all_as_admin()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, mine) = await TestData.CreateProjectAsync(storage);
        var (_, other) = await TestData.CreateProjectAsync(storage);
        var annotator = await TestData.CreateUserAsync(storage);
        await storage.Projects.SetMemberAsync(other.ProjectHash, annotator.UserId, ProjectRole.Annotator, default);

        var ownerProjects = await storage.Projects.ListProjectsAsync(owner.UserId, isSystemAdmin: false, default);
        Assert.Equal([(mine, ProjectRole.Admin)], ownerProjects);

        var annotatorProjects = await storage.Projects.ListProjectsAsync(annotator.UserId, isSystemAdmin: false, default);
        Assert.Equal([(other, ProjectRole.Annotator)], annotatorProjects);

        var all = await storage.Projects.ListProjectsAsync(annotator.UserId, isSystemAdmin: true, default);
        Assert.Equal(2, all.Count);
        Assert.All(all, entry => Assert.Equal(ProjectRole.Admin, entry.Role));
        Assert.Equal(new[] { mine.ProjectHash, other.ProjectHash }.Order(), all.Select(entry => entry.Project.ProjectHash).Order());
    }

    [Fact]
    public async Task Members_are_set_changed_listed_and_removed()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var reviewer = await TestData.CreateUserAsync(storage, "a-reviewer@example.com");

        await storage.Projects.SetMemberAsync(project.ProjectHash, reviewer.UserId, ProjectRole.Annotator, default);
        await storage.Projects.SetMemberAsync(project.ProjectHash, reviewer.UserId, ProjectRole.Reviewer, default);

        var members = await storage.Projects.ListMembersAsync(project.ProjectHash, default);
        Assert.Equal(
            [
                new MemberRecord(project.ProjectHash, reviewer.UserId, reviewer.Email, reviewer.Name, ProjectRole.Reviewer),
                new MemberRecord(project.ProjectHash, owner.UserId, owner.Email, owner.Name, ProjectRole.Admin),
            ],
            members);

        Assert.True(await storage.Projects.RemoveMemberAsync(project.ProjectHash, reviewer.UserId, default));
        Assert.False(await storage.Projects.RemoveMemberAsync(project.ProjectHash, reviewer.UserId, default));
        Assert.Null(await storage.Projects.FindRoleAsync(project.ProjectHash, reviewer.UserId, default));
        Assert.Single(await storage.Projects.ListMembersAsync(project.ProjectHash, default));
    }

    [Fact]
    public async Task Datasets_are_visible_to_their_owner_to_members_of_projects_using_them_and_to_system_admins()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var member = await TestData.CreateUserAsync(storage);
        var stranger = await TestData.CreateUserAsync(storage);
        await storage.Projects.SetMemberAsync(project.ProjectHash, member.UserId, ProjectRole.Annotator, default);
        var attached = new DatasetRecord(TestData.NewHash(), "attached", "used by the project", owner.UserId, TestData.T0);
        var privateOne = new DatasetRecord(TestData.NewHash(), "private", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(attached, default);
        await storage.Projects.CreateDatasetAsync(privateOne, default);
        await storage.Projects.AttachDatasetAsync(project.ProjectHash, attached.DatasetHash, TestData.T0, default);

        Assert.Equal(privateOne, await storage.Projects.FindDatasetAsync(privateOne.DatasetHash, default));
        Assert.Equal([attached, privateOne], await storage.Projects.ListDatasetsAsync(owner.UserId, false, default));
        Assert.Equal([attached], await storage.Projects.ListDatasetsAsync(member.UserId, false, default));
        Assert.Empty(await storage.Projects.ListDatasetsAsync(stranger.UserId, false, default));
        Assert.Equal([attached, privateOne], await storage.Projects.ListDatasetsAsync(stranger.UserId, true, default));
        Assert.Equal([attached], await storage.Projects.ListProjectDatasetsAsync(project.ProjectHash, default));
    }

    [Fact]
    public async Task Data_items_keep_their_units_in_sequence_and_units_are_found_by_their_own_hash()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, _) = await TestData.CreateProjectAsync(storage);
        var dataset = new DatasetRecord(TestData.NewHash(), "media", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(dataset, default);
        var image = TestData.ImageItem(dataset.DatasetHash, "b.png", TestData.T0);
        var group = TestData.GroupItem(dataset.DatasetHash, "group", 3);
        var video = TestData.VideoItem(dataset.DatasetHash, "c.mp4");
        await storage.Projects.AddDataItemsAsync([image, group with { CreatedAt = TestData.T0.AddSeconds(1) }], default);
        await storage.Projects.AddDataItemsAsync([video with { CreatedAt = TestData.T0.AddSeconds(2) }], default);

        var items = await storage.Projects.ListDataItemsAsync(dataset.DatasetHash, default);

        Assert.Equal([image.DataHash, group.DataHash, video.DataHash], items.Select(i => i.DataHash));
        Assert.Equal(image.Units, items[0].Units);
        Assert.Equal([0, 1, 2], items[1].Units.Select(u => u.Sequence));
        Assert.Equal(group.Units.OrderBy(u => u.Sequence), items[1].Units);
        Assert.Equal(video.Units, items[2].Units);
        Assert.Equal("img_group", items[1].DataType);
        var second = group.Units.Single(u => u.Sequence == 1);
        Assert.Equal(second, await storage.Projects.FindDataUnitAsync(second.DataHash, default));
        Assert.Null(await storage.Projects.FindDataUnitAsync(TestData.NewHash(), default));
        Assert.Empty(await storage.Projects.ListDataItemsAsync(TestData.NewHash(), default));
    }

    [Fact]
    public async Task Adding_data_items_is_all_or_nothing()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, _) = await TestData.CreateProjectAsync(storage);
        var dataset = new DatasetRecord(TestData.NewHash(), "media", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(dataset, default);
        var existing = TestData.ImageItem(dataset.DatasetHash, "a.png");
        await storage.Projects.AddDataItemsAsync([existing], default);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            storage.Projects.AddDataItemsAsync([TestData.ImageItem(dataset.DatasetHash, "new.png"), existing], default));

        Assert.Equal([existing.DataHash], (await storage.Projects.ListDataItemsAsync(dataset.DatasetHash, default)).Select(i => i.DataHash));
    }
}
