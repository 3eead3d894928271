using FeedKit.Model;

namespace FeedKit.Validation;

/// <summary>Checks of the feed-level links of issue 7: WebSub hubs and RFC 5005 history links.</summary>
internal sealed partial class FeedNormalizer
{
    private void CheckFeedLinks(FeedInfo info, in FieldPath at)
    {
        for (var h = 0; h < info.Hubs.Length; h++)
        {
            RequireWebLink(info.Hubs[h], at.Then("Hubs", h));
        }

        if (!info.Hubs.IsEmpty && info.SelfUrl is null)
        {
            Error(at.Then("SelfUrl"), "hubs-need-self-url", "is required with WebSub hubs: the self link is the topic subscribers subscribe to and the publisher pings the hubs about");
        }

        if (info.History is { } history)
        {
            var path = at.Then("History");
            OptionalWebLink(history.Current, path.Then("Current"));
            OptionalWebLink(history.PreviousArchive, path.Then("PreviousArchive"));
            OptionalWebLink(history.NextArchive, path.Then("NextArchive"));
            OptionalWebLink(history.First, path.Then("First"));
            OptionalWebLink(history.Last, path.Then("Last"));
            OptionalWebLink(history.Previous, path.Then("Previous"));
            OptionalWebLink(history.Next, path.Then("Next"));
            if (history.IsArchive && history.Current is null)
            {
                Error(path.Then("Current"), "archive-needs-current", "is required on an archive document (RFC 5005 §4): it links readers back to the feed they can subscribe to");
            }
        }
    }
}
