using System.Text;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Outbound;

/// <summary>The core's chat port on Slack: Block Kit messages, thread replies, root updates, ephemerals and files.</summary>
internal sealed class SlackChatSurface(SlackApiClient client, ChannelPacer pacer) : IChatSurface
{
    public string Platform => SlackPlatform.Name;

    public async Task<PostedMessage> PostAsync(ChatPlace place, ChatMessage message, CancellationToken cancellationToken)
    {
        var rendered = BlockKitRenderer.Render(message);
        var posted = await pacer.PostAsync(place.Channel,
            c => client.PostMessageAsync(new PostMessageRequest(place.Channel, rendered.Text, rendered.Blocks, place.Thread), c), cancellationToken);
        var ts = posted.Ts ?? throw new SlackApiException("chat.postMessage", "missing_ts");
        // Files follow their message, in the same thread (a new root message starts its own).
        foreach (var file in rendered.Files) await UploadAsync(place.Channel, place.Thread ?? ts, file, cancellationToken);
        return new PostedMessage(place, ts);
    }

    public Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken)
    {
        var rendered = BlockKitRenderer.Render(message);
        return pacer.UpdateAsync(
            c => client.UpdateMessageAsync(new UpdateMessageRequest(posted.Place.Channel, posted.MessageId, rendered.Text, rendered.Blocks), c), cancellationToken);
    }

    public Task PostPrivateAsync(ChatPlace place, PersonId person, ChatMessage message, CancellationToken cancellationToken)
    {
        var rendered = BlockKitRenderer.Render(message);
        return pacer.PostAsync(place.Channel,
            c => client.PostEphemeralAsync(new PostEphemeralRequest(place.Channel, person.User, rendered.Text, rendered.Blocks, place.Thread), c), cancellationToken);
    }

    /// <summary>Slack's three-step upload: get an upload URL, send the bytes there, then share the file in the thread.</summary>
    private async Task UploadAsync(string channel, string threadTs, AttachmentBlock file, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(file.Content);
        var target = await client.GetUploadUrlAsync(file.FileName, bytes.Length, cancellationToken);
        if (target.UploadUrl is null || target.FileId is null) throw new SlackApiException("files.getUploadURLExternal", "missing_upload_url");
        await client.UploadAsync(new Uri(target.UploadUrl), bytes, cancellationToken);
        await pacer.PostAsync(channel,
            c => client.CompleteUploadAsync(new CompleteUploadRequest([new UploadedFile(target.FileId, file.Title)], channel, threadTs), c), cancellationToken);
    }
}
