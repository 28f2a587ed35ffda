/// The one stylesheet, served at `/tai-nguyen/giao-dien.css` (no inline styles: the CSP forbids them).
///
/// Colours meet WCAG 2.2 AA (computed with the WCAG relative-luminance formula): text #0b0c0c on
/// white 19.6:1, links #1d4f91 8.1:1, visited #4c2c92 10.1:1, errors #a4161a 7.8:1, button text
/// white on #00703c 6.2:1, footer #505a5f 7.1:1; focus is a yellow ring (#ffdd00) with a black edge.
public enum Stylesheet {
    public static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: #0b0c0c; background: #ffffff; }
        body { margin: 0; }
        .wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
        a { color: #1d4f91; text-decoration: underline; }
        a:visited { color: #4c2c92; }
        a:focus, button:focus, input:focus, .error-summary:focus { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
        .skip-link { position: absolute; left: -9999px; }
        .skip-link:focus { position: static; display: block; padding: 0.5rem 1rem; background: #ffdd00; color: #0b0c0c; }
        .site-header { background: #0b0c0c; color: #ffffff; padding: 0.75rem 0; }
        .site-header .wrap { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem; }
        .site-header a.brand { color: #ffffff; font-weight: bold; font-size: 1.25rem; text-decoration: none; }
        .site-header a.brand:focus { color: #0b0c0c; background: #ffdd00; }
        .account { display: flex; gap: 1rem; align-items: center; }
        .account p { margin: 0; }
        main.wrap { padding-top: 1.5rem; padding-bottom: 3rem; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1.5rem; }
        h2 { font-size: 1.5rem; margin: 1.5rem 0 1rem; }
        .form-group { margin-bottom: 1.5rem; }
        .form-group-error { border-left: 5px solid #a4161a; padding-left: 0.75rem; }
        label { display: block; font-weight: bold; margin-bottom: 0.25rem; }
        input[type=text], input[type=password] { font: inherit; width: 100%; max-width: 24rem; padding: 0.4rem; border: 2px solid #0b0c0c; }
        .form-group-error input { border-color: #a4161a; }
        button { font: inherit; font-weight: bold; padding: 0.5rem 1rem; border: 0; border-bottom: 2px solid #002d18; background: #00703c; color: #ffffff; cursor: pointer; }
        button.button-secondary { background: #f3f2f1; color: #0b0c0c; border-bottom-color: #929191; }
        .error-summary { border: 5px solid #a4161a; padding: 1rem; margin-bottom: 2rem; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a { color: #a4161a; font-weight: bold; }
        .error-message { color: #a4161a; font-weight: bold; margin: 0 0 0.25rem; }
        .notice { border-left: 5px solid #1d4f91; padding: 0.5rem 1rem; background: #f3f2f1; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
        caption { text-align: left; font-weight: bold; margin-bottom: 0.5rem; }
        th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
        input[type=text], select, textarea { font: inherit; width: 100%; max-width: 32rem; padding: 0.4rem; border: 2px solid #0b0c0c; }
        select:focus, textarea:focus, input[type=radio]:focus { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
        fieldset { border: 0; padding: 0; margin: 0; }
        legend { font-weight: bold; margin-bottom: 0.25rem; }
        .radio { display: flex; gap: 0.5rem; align-items: center; }
        .radio label { font-weight: normal; margin: 0; }
        .hint { color: #505a5f; margin: 0 0 0.25rem; }
        .chart { margin: 0 0 1rem; }
        .chart svg { width: 100%; height: auto; }
        .chart figcaption { font-weight: bold; }
        h3 { font-size: 1.25rem; margin: 1.25rem 0 0.75rem; }
        @media print { .site-header form, .skip-link { display: none; } .chart { break-inside: avoid; } }
        .site-footer { border-top: 1px solid #b1b4b6; padding: 1rem 0; color: #505a5f; }

        """
}
