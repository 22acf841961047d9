//! The window's keys, caught where the fields catch theirs. A subscription
//! (`iced::event::listen_with`) gets every event through a channel of 100
//! that drops events when full, and a scanner's burst fills it: an F2 right
//! behind a burst was lost. This wrapper around the whole view sees each key
//! in the same pass as the focused field, after it, and says whether the
//! field took it; nothing is queued, so nothing is dropped.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, Widget};
use iced::advanced::{Clipboard, Shell, overlay, renderer};
use iced::keyboard;
use iced::{Element, Event, Length, Rectangle, Size, Vector, mouse};

use super::{KeyPress, Message};

/// The view, with every key pressed in it sent as [`Message::KeyPressed`].
pub struct Keys<'a, Theme, Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
}

impl<'a, Theme, Renderer> Keys<'a, Theme, Renderer> {
    pub fn new(content: impl Into<Element<'a, Message, Theme, Renderer>>) -> Self {
        Keys {
            content: content.into(),
        }
    }
}

impl<Theme, Renderer> Widget<Message, Theme, Renderer> for Keys<'_, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        // The content's node as this one's only child, as the widget tree
        // has it: a walk over both (tests/common/layout.rs) stays in step.
        let node = self
            .content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits);
        layout::Node::with_children(node.size(), vec![node])
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content.as_widget_mut().operate(
            &mut tree.children[0],
            inner(layout),
            renderer,
            operation,
        );
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            inner(layout),
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        // Tab moves the focus here and now, in the same pass: keys typed
        // right behind it (a vendor's fast hands, a scanner) belong to the
        // next field. Done later, by an operation after `update`, they
        // landed in the field Tab left.
        if let Event::Keyboard(keyboard::Event::KeyPressed {
            key: keyboard::Key::Named(keyboard::key::Named::Tab),
            modifiers,
            ..
        }) = event
            && !modifiers.control()
            && !shell.is_event_captured()
        {
            self.move_focus(tree, layout, renderer, modifiers.shift());
            shell.capture_event();
            shell.request_redraw();
            return;
        }
        if let Event::Keyboard(keyboard::Event::KeyPressed {
            key,
            modified_key,
            modifiers,
            ..
        }) = event
        {
            // A character as typed: `+` is Shift and `=` on the main
            // keyboard, whose `key` is the `=`.
            let key = match modified_key {
                keyboard::Key::Character(_) => modified_key,
                _ => key,
            };
            shell.publish(Message::KeyPressed(KeyPress {
                key: key.clone(),
                modifiers: *modifiers,
                captured: shell.is_event_captured(),
            }));
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            inner(layout),
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            inner(layout),
            cursor,
            viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            inner(layout),
            renderer,
            viewport,
            translation,
        )
    }
}

impl<Theme, Renderer: renderer::Renderer> Keys<'_, Theme, Renderer> {
    /// Focuses the next (or previous) field, as iced's `focus_next` does,
    /// running the operation and the one it chains to on the content now.
    fn move_focus(&mut self, tree: &mut Tree, layout: Layout<'_>, renderer: &Renderer, back: bool) {
        use iced::advanced::widget::operation::{Outcome, focusable};
        let mut operation: Box<dyn Operation> = if back {
            Box::new(focusable::focus_previous())
        } else {
            Box::new(focusable::focus_next())
        };
        loop {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                inner(layout),
                renderer,
                operation.as_mut(),
            );
            match operation.finish() {
                Outcome::Chain(next) => operation = next,
                _ => break,
            }
        }
        // As in any form on the stall's PC: a field Tab lands in has its
        // text selected, so what is typed replaces "Umum" or "pcs" instead
        // of joining it.
        let mut find = FocusedField::default();
        let content = self.content.as_widget_mut();
        content.operate(&mut tree.children[0], inner(layout), renderer, &mut find);
        if let Some(target) = find.found {
            let mut select = SelectField { target, seen: 0 };
            content.operate(&mut tree.children[0], inner(layout), renderer, &mut select);
        }
    }
}

/// Finds which text field (by its place among them) has the focus.
#[derive(Default)]
struct FocusedField {
    seen: usize,
    found: Option<usize>,
}

impl Operation for FocusedField {
    fn text_input(
        &mut self,
        _id: Option<&iced::widget::Id>,
        _bounds: Rectangle,
        _state: &mut dyn iced::advanced::widget::operation::TextInput,
    ) {
        self.seen += 1;
    }

    fn focusable(
        &mut self,
        _id: Option<&iced::widget::Id>,
        _bounds: Rectangle,
        state: &mut dyn iced::advanced::widget::operation::Focusable,
    ) {
        // A text field reports itself, then its focus.
        if state.is_focused() && self.seen > 0 {
            self.found = Some(self.seen - 1);
        }
    }

    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }
}

/// Selects all the text of the text field at `target`.
struct SelectField {
    target: usize,
    seen: usize,
}

impl Operation for SelectField {
    fn text_input(
        &mut self,
        _id: Option<&iced::widget::Id>,
        _bounds: Rectangle,
        state: &mut dyn iced::advanced::widget::operation::TextInput,
    ) {
        if self.seen == self.target {
            state.select_all();
        }
        self.seen += 1;
    }

    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }
}

/// The content's layout inside this widget's.
fn inner(layout: Layout<'_>) -> Layout<'_> {
    layout.children().next().unwrap_or(layout)
}

impl<'a, Theme: 'a, Renderer: renderer::Renderer + 'a> From<Keys<'a, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
{
    fn from(keys: Keys<'a, Theme, Renderer>) -> Self {
        Element::new(keys)
    }
}
