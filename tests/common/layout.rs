//! A screen laid out and drawn as the window draws it (tiny-skia, Noto Sans,
//! scale 1) at a given size, with every text, button and field found by
//! walking the widget tree beside its layout: where each text is drawn (its
//! shaped size placed by its alignment), how much room it was given, and
//! what clips it. `defects` says what a person would see as broken: a text
//! that needs more room than it has, anything beyond the window's edge, a
//! text or button drawn over another, two texts glued into one word.
//! Included by tests that need it (`#[path = "common/layout.rs"] mod layout;`).

#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use iced::{Element, Font, Length, Pixels, Rectangle, Size, Theme};
use iced_test::core::layout::{Layout, Limits, Node};
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::text::paragraph::Plain;
use iced_test::core::theme::Base;
use iced_test::core::widget::{Tree, Widget, tree};
use iced_test::core::{mouse, text};
use iced_test::renderer::Renderer;
use iced_test::runtime::user_interface::{Cache, UserInterface};
use sentra::ui::Message;

type Paragraph = <Renderer as text::Renderer>::Paragraph;

/// A text as drawn.
#[derive(Debug, Clone)]
pub struct Text {
    pub content: String,
    /// Where its glyphs are.
    pub drawn: Rectangle,
    /// The room it needed, and the room it was given.
    pub needs: Size,
    pub room: Size,
    /// What a scrollable around it lets show.
    pub clip: Rectangle,
    /// The button it is the label of, if any (an index into `buttons`).
    pub button: Option<usize>,
    /// The height of one of its lines.
    pub line: f32,
}

#[derive(Debug, Clone)]
pub struct Boxed {
    pub bounds: Rectangle,
    pub clip: Rectangle,
    /// The first text inside, to name it.
    pub label: String,
}

/// Everything found on one screen.
#[derive(Debug, Default)]
pub struct Found {
    pub texts: Vec<Text>,
    pub buttons: Vec<Boxed>,
    pub fields: Vec<Boxed>,
    /// Widgets whose children could not be matched with their layout, so the
    /// walk could not look inside (a defect of the walk, reported as one).
    pub unwalked: Vec<String>,
}

struct Tags {
    text: tree::Tag,
    button: tree::Tag,
    scroll: tree::Tag,
    field: tree::Tag,
}

impl Tags {
    fn new() -> Tags {
        // The button's and scrollable's states are private: their tags are
        // read off a real widget of each kind.
        let button: Element<'_, Message> = iced::widget::button("").into();
        let scroll: Element<'_, Message> = iced::widget::scrollable(iced::widget::column![]).into();
        Tags {
            text: tree::Tag::of::<Plain<Paragraph>>(),
            button: button.as_widget().tag(),
            scroll: scroll.as_widget().tag(),
            field: tree::Tag::of::<iced::widget::text_input::State<Paragraph>>(),
        }
    }
}

/// The screen inside a probe that walks it whenever it is drawn.
struct Probe<'a> {
    inner: Element<'a, Message>,
    found: Rc<RefCell<Found>>,
}

impl Widget<Message, Theme, Renderer> for Probe<'_> {
    fn size(&self) -> Size<Length> {
        self.inner.as_widget().size()
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.inner)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.inner));
    }

    fn layout(&mut self, tree: &mut Tree, renderer: &Renderer, limits: &Limits) -> Node {
        let node = self
            .inner
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits);
        Node::with_children(node.size(), vec![node])
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &iced_test::core::Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn iced_test::core::Clipboard,
        shell: &mut iced_test::core::Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let child = layout.children().next().expect("the screen's layout");
        self.inner.as_widget_mut().update(
            &mut tree.children[0],
            event,
            child,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        let child = layout.children().next().expect("the screen's layout");
        self.inner.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            child,
            cursor,
            viewport,
        );
        let mut found = Found::default();
        walk(
            &Tags::new(),
            &tree.children[0],
            child,
            Rectangle::INFINITE,
            None,
            &mut found,
        );
        *self.found.borrow_mut() = found;
    }
}

fn walk(
    tags: &Tags,
    tree: &Tree,
    layout: Layout<'_>,
    clip: Rectangle,
    button: Option<usize>,
    found: &mut Found,
) {
    let bounds = layout.bounds();
    if tree.tag == tags.text {
        if let tree::State::Some(state) = &tree.state
            && let Some(paragraph) = state.downcast_ref::<Plain<Paragraph>>()
        {
            // A container lays its text out one level down; a checkbox
            // keeps its label's paragraph too, its label the last part of
            // its layout.
            let mut layout = layout;
            while layout.children().count() == 1 {
                layout = layout.children().next().expect("one child");
            }
            let place = layout
                .children()
                .last()
                .map_or(layout.bounds(), |l| l.bounds());
            let needs = paragraph.min_bounds();
            let at = place.anchor(needs, paragraph.align_x(), paragraph.align_y());
            found.texts.push(Text {
                content: paragraph.content().to_string(),
                drawn: Rectangle::new(at, needs),
                needs,
                room: paragraph.as_text().bounds,
                clip,
                button,
                line: paragraph
                    .as_text()
                    .line_height
                    .to_absolute(paragraph.as_text().size)
                    .0,
            });
        }
        return;
    }
    if tree.tag == tags.field {
        found.fields.push(Boxed {
            bounds,
            clip,
            label: String::new(),
        });
        return;
    }
    let mut button = button;
    if tree.tag == tags.button {
        found.buttons.push(Boxed {
            bounds,
            clip,
            label: String::new(),
        });
        button = Some(found.buttons.len() - 1);
    }
    let clip = if tree.tag == tags.scroll {
        clip.intersection(&bounds)
            .unwrap_or(Rectangle::new(bounds.position(), Size::ZERO))
    } else {
        clip
    };
    children(tags, tree, layout, clip, button, found);
}

/// A tree's children beside its layout's. A container shares its content's
/// tree but lays it out one level down: when the counts differ and the
/// layout has one child, the tree is matched with that child instead.
fn children(
    tags: &Tags,
    tree: &Tree,
    layout: Layout<'_>,
    clip: Rectangle,
    button: Option<usize>,
    found: &mut Found,
) {
    let parts: Vec<Layout<'_>> = layout.children().collect();
    if parts.len() == tree.children.len() {
        for (tree, part) in tree.children.iter().zip(parts) {
            walk(tags, tree, part, clip, button, found);
        }
    } else if parts.len() == 1 {
        children(tags, tree, parts[0], clip, button, found);
    } else if !tree.children.is_empty() {
        found.unwalked.push(format!(
            "a widget at {:?} with {} children and {} laid out",
            layout.bounds(),
            tree.children.len(),
            parts.len()
        ));
    }
}

/// Loads the window's fonts into the text system (once per process is
/// enough; loading again is harmless).
pub fn load_fonts() {
    let mut fonts = iced_test::renderer::graphics::text::font_system()
        .write()
        .expect("font system");
    for font in sentra::ui::FONTS {
        fonts.load_font(std::borrow::Cow::Borrowed(font));
    }
}

/// A software renderer as the window makes one (`ICED_BACKEND=tiny-skia`).
pub fn renderer() -> Renderer {
    iced_test::futures::futures::executor::block_on(<Renderer as Headless>::new(
        Font::with_name("Noto Sans"),
        Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("tiny-skia renderer")
}

/// The screen drawn at `size`: what is on it, and its RGBA pixels.
pub fn draw(view: Element<'_, Message>, size: Size<u32>) -> (Found, Vec<u8>) {
    load_fonts();
    let mut renderer = renderer();
    let found = Rc::new(RefCell::new(Found::default()));
    let probe = Probe {
        inner: view,
        found: found.clone(),
    };
    let theme = sentra::ui::theme();
    let window = Size::new(size.width as f32, size.height as f32);
    let mut ui = UserInterface::build(Element::new(probe), window, Cache::default(), &mut renderer);
    // Widgets take their look (active, disabled) from the redraw event.
    let redraw = iced_test::core::Event::Window(iced_test::core::window::Event::RedrawRequested(
        iced_test::core::time::Instant::now(),
    ));
    let mut messages = Vec::new();
    let _ = ui.update(
        &[redraw],
        mouse::Cursor::Unavailable,
        &mut renderer,
        &mut iced_test::core::clipboard::Null,
        &mut messages,
    );
    let base = theme.base();
    ui.draw(
        &mut renderer,
        &theme,
        &Style {
            text_color: base.text_color,
        },
        mouse::Cursor::Unavailable,
    );
    // The frame holds weak handles to the texts' paragraphs, which live in
    // the interface's widget tree: it is rasterised before that goes.
    let pixels = renderer.screenshot(size, 1.0, base.background_color);
    drop(ui);
    let found = Rc::try_unwrap(found).expect("probe dropped").into_inner();
    (found, pixels)
}

/// Writes the pixels as a PNG: opaque RGB, compressed hard (they go into
/// the repository).
pub fn save_png(pixels: Vec<u8>, size: Size<u32>, path: &std::path::Path) {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let image = image::RgbaImage::from_raw(size.width, size.height, pixels).expect("whole frame");
    let rgb = image::DynamicImage::ImageRgba8(image).into_rgb8();
    let file = std::fs::File::create(path).expect("PNG file made");
    let encoder = PngEncoder::new_with_quality(
        std::io::BufWriter::new(file),
        CompressionType::Best,
        FilterType::Adaptive,
    );
    rgb.write_with_encoder(encoder).expect("PNG written");
}

/// Slack for rounding in layout: half a pixel.
const SLACK: f32 = 0.5;

fn within(inner: &Rectangle, outer: &Rectangle) -> bool {
    inner.x >= outer.x - SLACK
        && inner.y >= outer.y - SLACK
        && inner.x + inner.width <= outer.x + outer.width + SLACK
        && inner.y + inner.height <= outer.y + outer.height + SLACK
}

/// The part of `r` that shows through `clip`, if any worth counting.
fn shown(r: &Rectangle, clip: &Rectangle) -> Option<Rectangle> {
    r.intersection(clip)
        .filter(|s| s.width > SLACK && s.height > SLACK)
}

fn overlap(a: &Rectangle, b: &Rectangle) -> bool {
    a.intersection(b)
        .is_some_and(|s| s.width > 1.0 && s.height > 1.0)
}

fn name(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    format!("{short:?}")
}

/// What a person would see as broken on this screen, one line each.
pub fn defects(found: &Found, size: Size<u32>) -> Vec<String> {
    let window = Rectangle::new(
        iced::Point::ORIGIN,
        Size::new(size.width as f32, size.height as f32),
    );
    let mut out: Vec<String> = found.unwalked.clone();
    let texts: Vec<(&Text, Rectangle)> = found
        .texts
        .iter()
        .filter(|t| !t.content.trim().is_empty())
        .filter_map(|t| shown(&t.drawn, &t.clip).map(|s| (t, s)))
        .collect();
    let label = |button: usize| -> String {
        found
            .texts
            .iter()
            .find(|t| t.button == Some(button))
            .map_or_else(|| "(no label)".into(), |t| name(&t.content))
    };
    for (t, seen) in &texts {
        if t.needs.width > t.room.width + SLACK || t.needs.height > t.room.height + SLACK {
            out.push(format!(
                "{} needs {}×{} and has {}×{}: it spills over",
                name(&t.content),
                t.needs.width.round(),
                t.needs.height.round(),
                t.room.width.round(),
                t.room.height.round()
            ));
        }
        // A button's label (with its key at most) stays on one line; a
        // list's row may wrap a long name.
        let label_of = |b: usize| found.texts.iter().filter(|x| x.button == Some(b)).count() <= 2;
        if t.button.is_some_and(label_of) && t.needs.height > 1.5 * t.line {
            out.push(format!("{} wraps in its button", name(&t.content)));
        }
        if !within(seen, &window) {
            out.push(format!(
                "{} is past the window's edge at {seen:?}",
                name(&t.content)
            ));
        }
    }
    for (index, b) in found.buttons.iter().enumerate() {
        if let Some(seen) = shown(&b.bounds, &b.clip)
            && !within(&seen, &window)
        {
            out.push(format!(
                "button {} is past the window's edge at {seen:?}",
                label(index)
            ));
        }
        // A button Enter presses (a form's confirm) shows whole: a list's
        // rows may run on below the fold, the confirm may not.
        let confirms = found
            .texts
            .iter()
            .any(|t| t.button == Some(index) && t.content == "Enter");
        let whole = shown(&b.bounds, &b.clip).is_some_and(|seen| {
            (seen.width - b.bounds.width).abs() <= SLACK
                && (seen.height - b.bounds.height).abs() <= SLACK
        });
        if confirms && !whole {
            out.push(format!("confirm button {} is cut off", label(index)));
        }
    }
    for f in &found.fields {
        if let Some(seen) = shown(&f.bounds, &f.clip)
            && !within(&seen, &window)
        {
            out.push(format!("a field is past the window's edge at {seen:?}"));
        }
    }
    for (i, (a, sa)) in texts.iter().enumerate() {
        for (b, sb) in &texts[i + 1..] {
            if overlap(sa, sb) {
                out.push(format!(
                    "{} is drawn over {}",
                    name(&a.content),
                    name(&b.content)
                ));
            } else if glued(sa, sb) {
                out.push(format!(
                    "{} and {} touch: they read as one word",
                    name(&a.content),
                    name(&b.content)
                ));
            }
        }
        for (index, button) in found.buttons.iter().enumerate() {
            if a.button != Some(index)
                && let Some(sb) = shown(&button.bounds, &button.clip)
                && overlap(sa, &sb)
                && !within(sa, &sb)
            {
                out.push(format!(
                    "{} is drawn over button {}",
                    name(&a.content),
                    label(index)
                ));
            }
        }
        for field in &found.fields {
            if let Some(sf) = shown(&field.bounds, &field.clip)
                && overlap(sa, &sf)
            {
                out.push(format!("{} is drawn over a field", name(&a.content)));
            }
        }
    }
    let boxes: Vec<(String, Rectangle)> = found
        .buttons
        .iter()
        .enumerate()
        .filter_map(|(i, b)| shown(&b.bounds, &b.clip).map(|s| (format!("button {}", label(i)), s)))
        .chain(
            found
                .fields
                .iter()
                .filter_map(|f| shown(&f.bounds, &f.clip).map(|s| ("a field".to_string(), s))),
        )
        .collect();
    for (i, (a, sa)) in boxes.iter().enumerate() {
        for (b, sb) in &boxes[i + 1..] {
            if overlap(sa, sb) && !within(sa, sb) && !within(sb, sa) {
                out.push(format!("{a} and {b} are drawn over each other"));
            }
        }
    }
    out
}

/// On one line and less than two pixels apart.
fn glued(a: &Rectangle, b: &Rectangle) -> bool {
    let top = a.y.max(b.y);
    let bottom = (a.y + a.height).min(b.y + b.height);
    let shared = bottom - top;
    if shared < 0.5 * a.height.min(b.height) {
        return false;
    }
    let gap = if a.x <= b.x {
        b.x - (a.x + a.width)
    } else {
        a.x - (b.x + b.width)
    };
    (-1.0..2.0).contains(&gap)
}
