//! Email HTML: an allow-list sanitiser (ammonia, an HTML5 parser, not patterns) and the
//! `{{merge_field}}` placeholders a campaign email may use.

use std::collections::HashSet;

/// The merge fields an email may use; each is filled per recipient when it is sent.
pub const MERGE_FIELDS: [&str; 7] =
    ["first_name", "last_name", "full_name", "email", "title", "company_name", "unsubscribe_url"];

/// CSS properties kept in `style` attributes (email layouts need inline styles); others go.
const STYLE_PROPERTIES: [&str; 14] = [
    "color",
    "background-color",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "line-height",
    "text-align",
    "text-decoration",
    "padding",
    "margin",
    "border",
    "border-radius",
    "display",
];

/// Whether a `style` value could run or fetch anything: old IE `expression()`, `url(...)`,
/// escapes that could spell either, imports, bindings.
fn dangerous_style(value: &str) -> bool {
    let folded: String = value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    ["expression", "url(", "\\", "@import", "javascript:", "behavior", "-moz-binding", "/*"]
        .iter()
        .any(|bad| folded.contains(bad))
}

/// The HTML with only safe markup left: no scripts, styles sheets, frames, forms, SVG or
/// MathML, no event handlers, links only to `http`, `https`, `mailto`, `tel` or a merge field,
/// inline styles only with plain properties. Text is kept.
pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "center",
        "code",
        "div",
        "em",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .add_generic_attributes(["style", "align", "title"])
        .add_tag_attributes("img", ["src", "alt", "width", "height"])
        .add_tag_attributes("td", ["colspan", "rowspan", "width", "valign"])
        .add_tag_attributes("th", ["colspan", "rowspan", "width", "valign"])
        .add_tag_attributes("table", ["width", "cellpadding", "cellspacing", "border", "role"])
        .add_tag_attributes("font", ["color", "size"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .filter_style_properties(STYLE_PROPERTIES.into_iter().collect())
        .attribute_filter(|_element, attribute, value| match attribute {
            "style" if dangerous_style(value) => None,
            _ => Some(value.into()),
        })
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// The names of the `{{ name }}` placeholders in a text, in order, each once.
pub fn merge_fields(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let name = after[..end].trim().to_string();
        if !found.contains(&name) {
            found.push(name);
        }
        rest = &after[end + 2..];
    }
    found
}

/// `Err(name)` of the first placeholder that is not a known merge field.
pub fn check_merge_fields(text: &str) -> Result<(), String> {
    match merge_fields(text).into_iter().find(|name| !MERGE_FIELDS.contains(&name.as_str())) {
        Some(unknown) => Err(unknown),
        None => Ok(()),
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Fills the merge fields of `text` from `value_of` (`None` leaves a field empty); values are
/// HTML-escaped when `html`.
pub fn fill(text: &str, html: bool, value_of: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push_str(&rest[..start]);
        let value = value_of(after[..end].trim()).unwrap_or_default();
        out.push_str(&if html { escape(&value) } else { value });
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What must go, what must stay.
    const TABLE: &[(&str, &str)] = &[
        ("<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>"),
        ("<p onclick=\"alert(1)\" onmouseover=x>Hi</p>", "<p>Hi</p>"),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
        ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
        ("<a href=\"data:text/html,<script>x</script>\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
        ("<svg onload=alert(1)><circle r=1 /></svg>ok", "ok"),
        ("<math><mi>x</mi></math>t", "t"),
        ("<img src=x onerror=alert(1)>", "<img src=\"x\">"),
        ("<iframe src=\"https://evil\"></iframe>t", "t"),
        ("<style>body{background:url(x)}</style>t", "t"),
        ("<p style=\"width: expression(alert(1))\">t</p>", "<p>t</p>"),
        ("<p style=\"color: expression(alert(1))\">t</p>", "<p>t</p>"),
        ("<p style=\"background-color: url(javascript:x)\">t</p>", "<p>t</p>"),
        ("<p style=\"color: red; position: fixed\">t</p>", "<p style=\"color:red\">t</p>"),
        ("<form action=x><input name=a></form>t", "t"),
        (
            "<a href=\"https://example.com/x\">go</a>",
            "<a href=\"https://example.com/x\" rel=\"noopener noreferrer\">go</a>",
        ),
        (
            "<a href=\"{{unsubscribe_url}}\">stop</a>",
            "<a href=\"{{unsubscribe_url}}\" rel=\"noopener noreferrer\">stop</a>",
        ),
        ("<p>Hi {{first_name}},</p>", "<p>Hi {{first_name}},</p>"),
    ];

    #[test]
    fn the_sanitiser_removes_what_runs_and_keeps_what_reads() {
        for (input, want) in TABLE {
            assert_eq!(&sanitize(input), want, "for {input}");
        }
    }

    #[test]
    fn merge_fields_are_found_checked_and_filled() {
        let text = "Hi {{ first_name }}, {{company_name}} and {{first_name}} {{shoe_size}}";
        assert_eq!(merge_fields(text), ["first_name", "company_name", "shoe_size"]);
        assert_eq!(check_merge_fields(text), Err("shoe_size".to_string()));
        assert!(check_merge_fields("Hi {{first_name}}").is_ok());
        let filled = fill("<p>Hi {{first_name}}</p>", true, |n| (n == "first_name").then(|| "<Ada>".to_string()));
        assert_eq!(filled, "<p>Hi &lt;Ada&gt;</p>");
        assert_eq!(fill("{{x}} y {{", false, |_| None), " y {{");
    }
}
