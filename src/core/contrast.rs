//! WCAG 2.1 contrast: the relative luminance of an sRGB colour and the
//! contrast ratio of two colours (success criteria 1.4.3 and 1.4.11).

/// The least contrast for text (1.4.3, level AA).
pub const TEXT: f64 = 4.5;
/// The least contrast for large text (18 pt, or 14 pt bold), for the parts
/// of controls that identify them, and for focus outlines (1.4.3, 1.4.11).
pub const LARGE_TEXT_AND_CONTROLS: f64 = 3.0;

/// The relative luminance of an sRGB colour: 0 for black, 1 for white.
pub fn relative_luminance([red, green, blue]: [u8; 3]) -> f64 {
    let linear = |channel: u8| {
        let value = f64::from(channel) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast_ratio(one: [u8; 3], other: [u8; 3]) -> f64 {
    let (a, b) = (relative_luminance(one), relative_luminance(other));
    let (lighter, darker) = if a >= b { (a, b) } else { (b, a) };
    (lighter + 0.05) / (darker + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ratio_runs_from_one_to_twenty_one() {
        assert!((contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([120, 40, 200], [120, 40, 200]) - 1.0).abs() < 1e-9);
        assert_eq!(
            contrast_ratio([255, 255, 255], [0, 0, 0]),
            contrast_ratio([0, 0, 0], [255, 255, 255])
        );
    }

    #[test]
    fn known_pairs_have_their_published_ratios() {
        // #777777 on white is the classic near miss: 4.48.
        let grey = contrast_ratio([0x77, 0x77, 0x77], [255, 255, 255]);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        // #767676 on white just passes: 4.54.
        let passing = contrast_ratio([0x76, 0x76, 0x76], [255, 255, 255]);
        assert!((passing - 4.54).abs() < 0.01, "{passing}");
        assert!(passing >= TEXT && grey < TEXT);
    }
}
