using System.Collections.Immutable;
using FeedKit.Extensions;
using FeedKit.Model;

namespace FeedKit.Podcasts;

/// <summary>
/// A podcast: the show-level data Apple Podcasts (the iTunes namespace) and Podcasting 2.0 apps (the <c>podcast</c>
/// namespace) read from an RSS channel. Put it in <see cref="FeedInfo.Extensions"/>; each episode is an article with
/// its audio as the first of <see cref="Article.Media"/> and a <see cref="PodcastEpisode"/> in its extensions.
/// </summary>
/// <remarks>
/// <para>The show's title, description, language, link and copyright are the feed's own (<see cref="FeedInfo"/>): the
/// title gets the first-strong guard, and the channel's <c>language</c> is <see cref="FeedInfo.Language"/>.</para>
/// <para>Written in RSS, the podcast format, after the channel's own elements. Atom gets nothing of it (no podcast app
/// reads Atom); JSON Feed gets the iTunes data in the top-level <c>"_itunes"</c> object.</para>
/// <para>Checked with the feed: a missing category or artwork, a category not on Apple's list, a <c>podcast:guid</c>
/// that is not a UUID, <c>locked</c> without an owner e-mail address are errors (codes
/// <c>FeedProblemCodes.Podcast*</c>); a missing owner e-mail address or <c>podcast:guid</c> is a warning.</para>
/// </remarks>
public sealed record PodcastShow : FeedExtension
{
    private static readonly string[] Media = ["podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course"];

    private readonly EquatableArray<PodcastCategory> _categories;
    private readonly EquatableArray<PodcastFunding> _funding;
    private readonly EquatableArray<PodcastPerson> _people;
    private readonly EquatableArray<PodcastText> _texts;

    /// <inheritdoc />
    public override XmlNamespace Namespace => PodcastNamespaces.Itunes;

    /// <summary>The show's author or creator as listeners see it (<c>itunes:author</c>).</summary>
    public string? Author { get; init; }

    /// <summary>Who to contact about the show (<c>itunes:owner</c>); its e-mail address is also <c>podcast:locked</c>'s owner.</summary>
    public PodcastOwner? Owner { get; init; }

    /// <summary>The show's square artwork, a .jpg or .png file of 1400 to 3000 pixels a side (<c>itunes:image</c>). Required.</summary>
    public Uri? Artwork { get; init; }

    /// <summary>Apple categories (<c>itunes:category</c>), most fitting first; at least one is required.</summary>
    public ImmutableArray<PodcastCategory> Categories
    {
        get => _categories.Items;
        init => _categories = new(value);
    }

    /// <summary>Whether the show contains explicit content (<c>itunes:explicit</c>, always written).</summary>
    public bool Explicit { get; init; }

    /// <summary>Episodic (newest first) or serial (in order) (<c>itunes:type</c>).</summary>
    public PodcastShowType Type { get; init; }

    /// <summary>
    /// Whether the show has ended and no episode will follow (<c>itunes:complete</c>, written only when true). Apple
    /// defines it, but the W3C Feed Validation Service's code does not know it and reports an undefined element.
    /// </summary>
    public bool Complete { get; init; }

    /// <summary>Whether the show must not appear in Apple Podcasts (<c>itunes:block</c>).</summary>
    public bool Block { get; init; }

    /// <summary>The new URL of a feed that moved (<c>itunes:new-feed-url</c>); apps follow it.</summary>
    public Uri? NewFeedUrl { get; init; }

    /// <summary>A short plain-text description (<c>itunes:subtitle</c>).</summary>
    public string? Subtitle { get; init; }

    /// <summary>A plain-text description (<c>itunes:summary</c>); the channel's <c>description</c> is <see cref="FeedInfo.Subtitle"/>.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// The show's <c>podcast:guid</c>, a UUID that stays with the show when its feed moves. Null: in RSS, derived from
    /// the RSS document's <see cref="FeedInfo.SelfUrl"/> as the namespace specifies (<see cref="PodcastGuid.FromFeedUrl"/>;
    /// the other formats write only a given one); set it once the feed has moved, to the value it had.
    /// </summary>
    public string? Guid { get; init; }

    /// <summary>
    /// <c>podcast:locked</c>: true asks podcast hosts not to import the feed except for <see cref="Owner"/>'s e-mail
    /// address; false allows it; null writes nothing.
    /// </summary>
    public bool? Locked { get; init; }

    /// <summary>Ways to support the show (<c>podcast:funding</c>).</summary>
    public ImmutableArray<PodcastFunding> Funding
    {
        get => _funding.Items;
        init => _funding = new(value);
    }

    /// <summary>The show's hosts and other people (<c>podcast:person</c>).</summary>
    public ImmutableArray<PodcastPerson> People
    {
        get => _people.Items;
        init => _people = new(value);
    }

    /// <summary>Where the show is about or made (<c>podcast:location</c>).</summary>
    public PodcastLocation? Location { get; init; }

    /// <summary>What the feed is, from the Podcasting 2.0 list (<c>podcast</c>, <c>music</c>, <c>video</c>, <c>film</c>, <c>audiobook</c>, <c>newsletter</c>, <c>blog</c>, <c>publisher</c>, <c>course</c>, each also with an <c>L</c> for a list of them) (<c>podcast:medium</c>).</summary>
    public string? Medium { get; init; }

    /// <summary>The licence of the show's content (<c>podcast:license</c>).</summary>
    public PodcastLicense? License { get; init; }

    /// <summary>Free-form texts for machines, such as ownership tokens (<c>podcast:txt</c>).</summary>
    public ImmutableArray<PodcastText> Texts
    {
        get => _texts.Items;
        init => _texts = new(value);
    }

    internal override ImmutableArray<XmlNamespace> OtherNamespaces => [PodcastNamespaces.Podcasting];

    /// <inheritdoc />
    protected override void Validate(ExtensionValidator check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Target != ExtensionTarget.Feed)
        {
            check.Error(string.Empty, "a PodcastShow belongs in FeedInfo.Extensions; an episode's data is a PodcastEpisode", PodcastCodes.Target);
            return;
        }

        check.CheckText(Author, nameof(Author));
        check.CheckText(Subtitle, nameof(Subtitle));
        check.CheckText(Summary, nameof(Summary));
        PodcastXml.CheckLength(check, Author, nameof(Author), "author", PodcastXml.MaxShortText);
        PodcastXml.CheckLength(check, Subtitle, nameof(Subtitle), "subtitle", PodcastXml.MaxShortText);
        PodcastXml.CheckLength(check, Summary, nameof(Summary), "summary", PodcastXml.MaxSummary);
        CheckOwner(check);
        CheckArtwork(check);
        CheckCategories(check);
        check.CheckUrl(NewFeedUrl, nameof(NewFeedUrl));

        if (Guid is not null)
        {
            if (!System.Guid.TryParseExact(Guid, "D", out _))
            {
                check.Error(nameof(Guid), $"\"{Guid}\" is not a UUID (such as ead4c236-bf58-58c6-a2c6-a6b28d128cb6); leave it null to derive it from the feed's URL", PodcastCodes.GuidInvalid);
            }
        }
        else if (check.Format == FeedFormat.Rss)
        {
            check.Warning(nameof(Guid), "no podcast:guid: set FeedInfo.SelfUrl (the guid is derived from it) or Guid, so that apps keep the show when its feed moves", PodcastCodes.GuidMissing);
        }

        if (Medium is not null && !IsMedium(Medium))
        {
            check.Error(nameof(Medium), $"\"{Medium}\" is not a podcast:medium ({string.Join(", ", Media)}, each also with an L for a list)", PodcastCodes.Medium);
        }

        for (var i = 0; i < Funding.Length; i++)
        {
            var member = FormattableString.Invariant($"Funding[{i}]");
            check.CheckUrl(Funding[i]?.Url, member + ".Url", required: true);
            check.CheckText(Funding[i]?.Text, member + ".Text", required: true);
        }

        PodcastXml.CheckPeople(check, People);
        if (Location is not null)
        {
            check.CheckText(Location.Name, "Location.Name", required: true);
            check.CheckText(Location.Geo, "Location.Geo");
            check.CheckText(Location.Osm, "Location.Osm");
        }

        if (License is not null)
        {
            check.CheckText(License.Identifier, "License.Identifier", required: true);
            check.CheckUrl(License.Url, "License.Url");
        }

        for (var i = 0; i < Texts.Length; i++)
        {
            var member = FormattableString.Invariant($"Texts[{i}]");
            if (check.CheckText(Texts[i]?.Text, member + ".Text", required: true) && Texts[i].Text.Length > 4000)
            {
                check.Error(member + ".Text", FormattableString.Invariant($"is {Texts[i].Text.Length} characters long; podcast:txt holds at most 4000"), "too-long");
            }

            check.CheckText(Texts[i]?.Purpose, member + ".Purpose");
        }
    }

    /// <inheritdoc />
    protected override void WriteRss(XmlExtensionWriter xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (Author is not null)
        {
            xml.WriteElement("author", xml.Guard(Author));
        }

        if (Subtitle is not null)
        {
            xml.WriteElement("subtitle", xml.Guard(Subtitle));
        }

        if (Summary is not null)
        {
            xml.WriteElement("summary", xml.Guard(Summary));
        }

        if (Owner is not null)
        {
            xml.WriteStartElement("owner");
            xml.WriteElement("name", xml.Guard(Owner.Name));
            xml.WriteElement("email", Owner.Email);
            xml.WriteEndElement();
        }

        if (Artwork is not null)
        {
            xml.WriteStartElement("image");
            xml.WriteAttribute("href", Artwork.AbsoluteUri);
            xml.WriteEndElement();
        }

        foreach (var category in Categories)
        {
            xml.WriteStartElement("category");
            xml.WriteAttribute("text", category.Name);
            if (category.Subcategory is not null)
            {
                xml.WriteStartElement("category");
                xml.WriteAttribute("text", category.Subcategory);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteElement("explicit", Explicit ? "true" : "false");
        xml.WriteElement("type", Type == PodcastShowType.Serial ? "serial" : "episodic");
        if (Complete)
        {
            xml.WriteElement("complete", "Yes");
        }

        if (Block)
        {
            xml.WriteElement("block", "Yes");
        }

        if (NewFeedUrl is not null)
        {
            xml.WriteElement("new-feed-url", NewFeedUrl.AbsoluteUri);
        }

        var podcast = PodcastNamespaces.Podcasting;
        if (Guid is not null)
        {
            PodcastXml.Element(xml, "guid", Guid);
        }

        if (Locked is { } locked)
        {
            xml.WriteStartElement(podcast, "locked");
            if (Owner is not null)
            {
                xml.WriteAttribute("owner", Owner.Email);
            }

            xml.WriteString(locked ? "yes" : "no");
            xml.WriteEndElement();
        }

        foreach (var funding in Funding)
        {
            xml.WriteStartElement(podcast, "funding");
            xml.WriteAttribute("url", funding.Url.AbsoluteUri);
            xml.WriteString(xml.Guard(funding.Text));
            xml.WriteEndElement();
        }

        PodcastXml.WritePeople(xml, People);
        if (Location is not null)
        {
            xml.WriteStartElement(podcast, "location");
            if (Location.Geo is not null)
            {
                xml.WriteAttribute("geo", Location.Geo);
            }

            if (Location.Osm is not null)
            {
                xml.WriteAttribute("osm", Location.Osm);
            }

            xml.WriteString(xml.Guard(Location.Name));
            xml.WriteEndElement();
        }

        if (Medium is not null)
        {
            PodcastXml.Element(xml, "medium", Medium);
        }

        if (License is not null)
        {
            xml.WriteStartElement(podcast, "license");
            if (License.Url is not null)
            {
                xml.WriteAttribute("url", License.Url.AbsoluteUri);
            }

            xml.WriteString(License.Identifier);
            xml.WriteEndElement();
        }

        foreach (var text in Texts)
        {
            xml.WriteStartElement(podcast, "txt");
            if (text.Purpose is not null)
            {
                xml.WriteAttribute("purpose", text.Purpose);
            }

            xml.WriteString(text.Text);
            xml.WriteEndElement();
        }
    }

    /// <summary>Nothing: podcast apps read RSS, and Atom's own elements already carry the title, links and enclosures.</summary>
    /// <param name="xml">Not used.</param>
    protected override void WriteAtom(XmlExtensionWriter xml)
    {
    }

    /// <inheritdoc />
    protected override void WriteJson(JsonExtensionWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Author is not null)
        {
            json.WriteString("author", json.Guard(Author));
        }

        if (Artwork is not null)
        {
            json.WriteString("image", Artwork.AbsoluteUri);
        }

        if (!Categories.IsEmpty)
        {
            json.WriteStartArray("categories");
            foreach (var category in Categories)
            {
                json.WriteStartObject();
                json.WriteString("text", category.Name);
                if (category.Subcategory is not null)
                {
                    json.WriteString("subcategory", category.Subcategory);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteBoolean("explicit", Explicit);
        json.WriteString("type", Type == PodcastShowType.Serial ? "serial" : "episodic");
        if (Complete)
        {
            json.WriteBoolean("complete", true);
        }

        if (Guid is not null)
        {
            json.WriteString("podcast_guid", Guid);
        }
    }

    private static bool IsMedium(string medium)
    {
        var name = medium.EndsWith('L') ? medium[..^1] : medium;
        return Array.IndexOf(Media, name) >= 0;
    }

    private void CheckOwner(ExtensionValidator check)
    {
        if (Owner is null || string.IsNullOrWhiteSpace(Owner.Email))
        {
            if (Locked == true)
            {
                check.Error("Owner.Email", "podcast:locked needs the owner's e-mail address: it is the address that can unlock the feed", PodcastCodes.LockedOwner);
            }
            else
            {
                check.Warning("Owner.Email", "no owner e-mail address (itunes:owner): Apple and podcast hosts use it to verify who runs the show", PodcastCodes.OwnerEmail);
            }

            if (Owner is null)
            {
                return;
            }
        }

        check.CheckText(Owner.Name, "Owner.Name", required: true);
        if (check.CheckText(Owner.Email, "Owner.Email") && !string.IsNullOrWhiteSpace(Owner.Email) && !PodcastXml.LooksLikeEmail(Owner.Email))
        {
            check.Error("Owner.Email", $"\"{Owner.Email}\" is not an e-mail address of the form name@host", "invalid-email");
        }
        else if (Owner.Email is { } email && !System.Text.Ascii.IsValid(email))
        {
            check.Warning("Owner.Email", $"\"{email}\" is not ASCII: the W3C validator and Apple's checks refuse an internationalized address in itunes:email; write its domain in ASCII (punycode, xn--…)", PodcastCodes.OwnerEmail);
        }
    }

    private void CheckArtwork(ExtensionValidator check)
    {
        if (Artwork is null)
        {
            check.Error(nameof(Artwork), "is required: Apple Podcasts refuses a show without square artwork (a .jpg or .png of 1400 to 3000 pixels a side)", PodcastCodes.ArtworkMissing);
            return;
        }

        if (check.CheckUrl(Artwork, nameof(Artwork)) && !PodcastXml.IsJpegOrPng(Artwork))
        {
            check.Warning(nameof(Artwork), $"\"{Artwork.AbsoluteUri}\" does not end in .jpg or .png, the files Apple accepts for artwork", PodcastCodes.ArtworkType);
        }
    }

    private void CheckCategories(ExtensionValidator check)
    {
        if (Categories.IsEmpty)
        {
            check.Error(nameof(Categories), "is empty: Apple Podcasts needs at least one category from its list (see AppleCategories)", PodcastCodes.CategoryMissing);
            return;
        }

        for (var i = 0; i < Categories.Length; i++)
        {
            var category = Categories[i];
            var member = FormattableString.Invariant($"Categories[{i}]");
            if (category is null)
            {
                check.Error(member, "is null", "null");
                continue;
            }

            if (category.Name is null || !AppleCategories.Contains(category.Name))
            {
                check.Error(member + ".Name", $"\"{category.Name}\" is not one of Apple's categories (spelled exactly, in English): {string.Join(", ", AppleCategories.Categories)}", PodcastCodes.CategoryUnknown);
            }
            else if (category.Subcategory is not null && !AppleCategories.Contains(category.Name, category.Subcategory))
            {
                var subcategories = AppleCategories.SubcategoriesOf(category.Name);
                check.Error(member + ".Subcategory", subcategories.IsEmpty
                    ? $"\"{category.Name}\" has no subcategories; remove \"{category.Subcategory}\""
                    : $"\"{category.Subcategory}\" is not a subcategory of \"{category.Name}\": {string.Join(", ", subcategories)}", PodcastCodes.CategoryUnknown);
            }
        }
    }
}
