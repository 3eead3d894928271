<?xml version="1.0" encoding="utf-8"?>
<!--
  FeedKit's browser view: turns an Atom 1.0 or RSS 2.0 feed into a readable HTML page when a visitor opens the feed
  in a browser (the feed names it with <?xml-stylesheet type="text/xsl" href="…"?>). XSLT 1.0, so every browser and
  .NET's XslCompiledTransform can run it. No script, no outside resources.

  - lang and dir on the page come from the feed (xml:lang, or RSS <language>), and on each entry from the entry
    (xml:lang, or dc:language): right-to-left languages (Arabic, Hebrew, Persian, Urdu, …, or a script subtag such as
    -Arab) get dir="rtl", and the layout uses logical CSS properties, so it mirrors.
  - Titles link to the article; dates are shown; summaries are shown as plain text (tags removed, never as markup).
  - A short note says what a feed is and how to subscribe, in Arabic, Hebrew, Persian or English.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">

  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="atom:feed">
        <xsl:call-template name="page">
          <xsl:with-param name="lang" select="string(atom:feed/@xml:lang)"/>
          <xsl:with-param name="title" select="string(atom:feed/atom:title)"/>
          <xsl:with-param name="subtitle" select="string(atom:feed/atom:subtitle)"/>
          <xsl:with-param name="site" select="string(atom:feed/atom:link[@rel='alternate'][1]/@href)"/>
          <xsl:with-param name="self" select="string(atom:feed/atom:link[@rel='self'][1]/@href)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="page">
          <xsl:with-param name="lang" select="string(rss/channel/language)"/>
          <xsl:with-param name="title" select="string(rss/channel/title)"/>
          <xsl:with-param name="subtitle" select="string(rss/channel/description[. != ../title])"/>
          <xsl:with-param name="site" select="string(rss/channel/link)"/>
          <xsl:with-param name="self" select="string(rss/channel/atom:link[@rel='self'][1]/@href)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="lang"/>
    <xsl:param name="title"/>
    <xsl:param name="subtitle"/>
    <xsl:param name="site"/>
    <xsl:param name="self"/>
    <xsl:variable name="dir">
      <xsl:call-template name="dir">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
    </xsl:variable>
    <html dir="{$dir}">
      <xsl:if test="$lang != ''">
        <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      </xsl:if>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          body { margin: 0; font: 1.0625rem/1.6 system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif; color: #1d1d1f; background: #f5f5f4; }
          main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          .about { background: #fff7d6; border: 1px solid #e8d48a; border-radius: .5rem; padding: .75rem 1rem; margin-block-end: 1.5rem; font-size: .9375rem; }
          .about code { display: block; margin-block-start: .35rem; padding: .25rem .5rem; background: #fff; border-radius: .25rem; direction: ltr; text-align: start; overflow-wrap: anywhere; unicode-bidi: isolate; }
          header h1 { margin: 0 0 .25rem; font-size: 1.75rem; line-height: 1.25; }
          header p { margin: 0 0 1.5rem; color: #555; }
          article { background: #fff; border-radius: .5rem; padding: 1rem 1.25rem; margin-block-end: 1rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); text-align: start; }
          article h2 { margin: 0 0 .25rem; font-size: 1.25rem; line-height: 1.35; }
          article h2 a { color: #0b57d0; text-decoration: none; }
          article h2 a:hover { text-decoration: underline; }
          time { color: #666; font-size: .875rem; unicode-bidi: isolate; }
          article p { margin: .5rem 0 0; }
        </style>
      </head>
      <body>
        <main>
          <xsl:call-template name="about">
            <xsl:with-param name="lang" select="$lang"/>
            <xsl:with-param name="self" select="$self"/>
          </xsl:call-template>
          <header>
            <h1>
              <xsl:choose>
                <xsl:when test="$site != ''"><a href="{$site}"><xsl:value-of select="$title"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
              </xsl:choose>
            </h1>
            <xsl:if test="$subtitle != ''"><p><xsl:value-of select="$subtitle"/></p></xsl:if>
          </header>
          <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item">
            <xsl:with-param name="feed-lang" select="$lang"/>
          </xsl:apply-templates>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <xsl:param name="feed-lang"/>
    <xsl:call-template name="entry">
      <xsl:with-param name="lang" select="string((ancestor-or-self::*/@xml:lang)[last()])"/>
      <xsl:with-param name="feed-lang" select="$feed-lang"/>
      <xsl:with-param name="title" select="string(atom:title)"/>
      <xsl:with-param name="link" select="string((atom:link[@rel='alternate'] | atom:link[not(@rel)])[1]/@href)"/>
      <xsl:with-param name="date" select="string((atom:published | atom:updated)[1])"/>
      <xsl:with-param name="shown-date" select="substring((atom:published | atom:updated)[1], 1, 10)"/>
      <xsl:with-param name="summary" select="string(atom:summary)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="item">
    <xsl:param name="feed-lang"/>
    <xsl:call-template name="entry">
      <xsl:with-param name="lang" select="string(dc:language[1] | ../language[not(current()/dc:language)])"/>
      <xsl:with-param name="feed-lang" select="$feed-lang"/>
      <xsl:with-param name="title" select="string(title)"/>
      <xsl:with-param name="link" select="string(link)"/>
      <xsl:with-param name="date" select="''"/>
      <xsl:with-param name="shown-date" select="substring(normalize-space(concat(substring-after(pubDate, ','), substring(pubDate, 1, 40 * not(contains(pubDate, ','))))), 1, 11)"/>
      <xsl:with-param name="summary" select="string(description)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="entry">
    <xsl:param name="lang"/>
    <xsl:param name="feed-lang"/>
    <xsl:param name="title"/>
    <xsl:param name="link"/>
    <xsl:param name="date"/> <!-- RFC 3339 (Atom), for datetime; empty for RSS's RFC 822 dates -->
    <xsl:param name="shown-date"/>
    <xsl:param name="summary"/>
    <xsl:variable name="dir">
      <xsl:call-template name="dir">
        <xsl:with-param name="lang" select="$lang"/>
      </xsl:call-template>
    </xsl:variable>
    <article dir="{$dir}">
      <xsl:if test="$lang != ''">
        <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      </xsl:if>
      <h2>
        <xsl:choose>
          <xsl:when test="$link != ''"><a href="{$link}"><xsl:value-of select="$title"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:if test="$shown-date != ''">
        <time>
          <xsl:if test="$date != ''">
            <xsl:attribute name="datetime"><xsl:value-of select="$date"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$shown-date"/>
        </time>
      </xsl:if>
      <xsl:if test="normalize-space($summary) != ''">
        <p>
          <xsl:call-template name="plain-text">
            <xsl:with-param name="html" select="$summary"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- rtl for right-to-left languages and scripts (the languages of FeedKit's LanguageDirections), else ltr. -->
  <xsl:template name="dir">
    <xsl:param name="lang"/>
    <xsl:variable name="tag" select="concat('-', translate($lang, $upper, $lower), '-')"/>
    <xsl:variable name="primary" select="substring-before(substring($tag, 2), '-')"/>
    <xsl:choose>
      <xsl:when test="contains($tag, '-arab-') or contains($tag, '-hebr-') or contains($tag, '-thaa-') or contains($tag, '-syrc-') or contains($tag, '-nkoo-') or contains($tag, '-adlm-') or contains($tag, '-rohg-') or contains($tag, '-mand-') or contains($tag, '-samr-')">rtl</xsl:when>
      <xsl:when test="contains($tag, '-latn-') or contains($tag, '-cyrl-')">ltr</xsl:when>
      <xsl:when test="contains(' abv acm acq acw acx aeb aec afb ajp apc apd ar arb arc arq ars ary arz avl ayh ayl ayn ayp azb bal bcc bgn bgp bqi brh ckb dv fa glk haz hbo he iw jpr jrb khw ks lki lrc luz mid myz mzn nqo ota pbt pbu pes pnb prs ps pst rhg sam sd sdh shu skr ssh syr ug ur uzs ydd yi ji yih ', concat(' ', $primary, ' '))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What a feed is, in the feed's language when FeedKit has the note in it. -->
  <xsl:template name="about">
    <xsl:param name="lang"/>
    <xsl:param name="self"/>
    <xsl:variable name="primary" select="translate(substring-before(concat($lang, '-'), '-'), $upper, $lower)"/>
    <aside class="about">
      <xsl:choose>
        <xsl:when test="$primary = 'ar'">
          <xsl:attribute name="lang">ar</xsl:attribute>
          <xsl:attribute name="dir">rtl</xsl:attribute>
          <strong>هذه خلاصة ويب (RSS/Atom).</strong> انسخ عنوانها في تطبيق لقراءة الخلاصات لتصلك المقالات الجديدة تلقائيًا:
        </xsl:when>
        <xsl:when test="$primary = 'he' or $primary = 'iw'">
          <xsl:attribute name="lang">he</xsl:attribute>
          <xsl:attribute name="dir">rtl</xsl:attribute>
          <strong>זהו פיד (RSS/Atom).</strong> העתיקו את הכתובת שלו לקורא פידים כדי לקבל כתבות חדשות באופן אוטומטי:
        </xsl:when>
        <xsl:when test="$primary = 'fa'">
          <xsl:attribute name="lang">fa</xsl:attribute>
          <xsl:attribute name="dir">rtl</xsl:attribute>
          <strong>این یک خوراک (RSS/Atom) است.</strong> نشانی آن را در یک خوراک‌خوان وارد کنید تا مطالب تازه خودکار به دستتان برسد:
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="lang">en</xsl:attribute>
          <xsl:attribute name="dir">ltr</xsl:attribute>
          <strong>This is a web feed (RSS/Atom).</strong> Copy its address into a feed reader app to get new articles automatically:
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$self != ''">
        <code dir="ltr"><xsl:value-of select="$self"/></code>
      </xsl:if>
    </aside>
  </xsl:template>

  <!-- An HTML fragment as plain text: tags removed, then the entities FeedKit writes decoded (&amp; last). -->
  <xsl:template name="plain-text">
    <xsl:param name="html"/>
    <xsl:variable name="text">
      <xsl:call-template name="strip-tags">
        <xsl:with-param name="html" select="$html"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="text">
        <xsl:call-template name="replace">
          <xsl:with-param name="text">
            <xsl:call-template name="replace">
              <xsl:with-param name="text">
                <xsl:call-template name="replace">
                  <xsl:with-param name="text" select="normalize-space($text)"/>
                  <xsl:with-param name="from" select="'&amp;lt;'"/>
                  <xsl:with-param name="to" select="'&lt;'"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="from" select="'&amp;gt;'"/>
              <xsl:with-param name="to" select="'&gt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&amp;quot;'"/>
          <xsl:with-param name="to" select="'&quot;'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="strip-tags">
    <xsl:param name="html"/>
    <xsl:choose>
      <xsl:when test="contains($html, '&lt;')">
        <xsl:value-of select="substring-before($html, '&lt;')"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="strip-tags">
          <xsl:with-param name="html" select="substring-after(substring-after($html, '&lt;'), '&gt;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$html"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
