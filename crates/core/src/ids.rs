//! Typed ids for the links between layers: a mention's entity is an
//! [`EntityId`], an event's sentence a [`SentenceId`], so an index of one
//! layer passed where another's is meant does not compile. Each id is the
//! position in its layer's `Vec` on [`Document`](crate::Document), and the
//! layer is indexed by it directly (`doc.entities[id]`). Token indices inside
//! the syntax layer (`Token::head`, `Sentence::tokens`) stay `usize`: the
//! parser and the tree walks are the hot path and never leave that layer.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

use serde::{Serialize, Serializer};

use crate::document::{Block, Entity, Event, Mention, Quantity, Quote, Sentence, TimeExpr};

/// A layer looked up by its id: `None` past its end, as `slice::get`.
pub trait ById<I> {
    type Item;
    fn by_id(&self, id: I) -> Option<&Self::Item>;
    /// The id the next item pushed onto the layer gets.
    fn next_id(&self) -> I;
    /// The layer's items with their ids, in order.
    fn with_ids<'a>(&'a self) -> impl DoubleEndedIterator<Item = (I, &'a Self::Item)>
    where
        Self::Item: 'a;
}

/// An id that numbers the items of one table from 0: every layer's id, and
/// the ids a recogniser numbers its own finds with. What [`IdVec`] is
/// indexed by.
pub trait Numbered: Copy {
    /// The id of the item at `index`.
    fn from_index(index: usize) -> Self;
    /// The item's position.
    fn to_index(self) -> usize;
}

/// A table with one value per id of `I`, indexed by the id itself
/// (`table[id]`), so its type says what it is looked up by: a renumbering
/// (`Renumber<EntityId>`, old entity to new) or a value per item
/// (`IdVec<MentionId, Option<EntityId>>`, each mention's entity).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdVec<I, T> {
    values: Vec<T>,
    id: PhantomData<fn(I) -> I>,
}

/// Each old id of a layer's items to its new one, when a step merges,
/// drops or reorders them.
pub type Renumber<I> = IdVec<I, I>;

impl<I: Numbered, T> IdVec<I, T> {
    /// `len` copies of `value`, for ids `0..len`.
    pub fn filled(value: T, len: usize) -> Self
    where
        T: Clone,
    {
        vec![value; len].into()
    }
    /// Appends the value of the next id, and returns that id.
    pub fn push(&mut self, value: T) -> I {
        self.values.push(value);
        I::from_index(self.values.len() - 1)
    }
    /// The value of `id`, `None` past the end.
    pub fn get(&self, id: I) -> Option<&T> {
        self.values.get(id.to_index())
    }
    /// The values with their ids, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (I, &T)> {
        self.values
            .iter()
            .enumerate()
            .map(|(i, v)| (I::from_index(i), v))
    }
    pub fn len(&self) -> usize {
        self.values.len()
    }
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl<I: Numbered, T> Default for IdVec<I, T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

/// The values in id order: the first is id 0's.
impl<I, T> From<Vec<T>> for IdVec<I, T> {
    fn from(values: Vec<T>) -> Self {
        IdVec {
            values,
            id: PhantomData,
        }
    }
}

impl<I, T> FromIterator<T> for IdVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(values: It) -> Self {
        values.into_iter().collect::<Vec<T>>().into()
    }
}

/// The values with their ids, in order, taken out of the table.
impl<I: Numbered, T> IntoIterator for IdVec<I, T> {
    type Item = (I, T);
    type IntoIter =
        std::iter::Map<std::iter::Enumerate<std::vec::IntoIter<T>>, fn((usize, T)) -> (I, T)>;
    fn into_iter(self) -> Self::IntoIter {
        self.values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (I::from_index(i), v))
    }
}

impl<I: Numbered, T> Index<I> for IdVec<I, T> {
    type Output = T;
    fn index(&self, id: I) -> &T {
        &self.values[id.to_index()]
    }
}

impl<I: Numbered, T> IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.values[id.to_index()]
    }
}

macro_rules! layer_ids {
    ($($(#[$doc:meta])* $id:ident => $layer:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $id(usize);

        impl $id {
            /// The id of the item at `index` in its layer.
            pub const fn new(index: usize) -> Self {
                $id(index)
            }
            /// Its position in its layer.
            pub const fn index(self) -> usize {
                self.0
            }
            /// The same item once `by` items are put before it in the layer
            /// (joining the layers of a document's sections).
            pub const fn shifted(self, by: usize) -> Self {
                $id(self.0 + by)
            }
        }

        impl Numbered for $id {
            fn from_index(index: usize) -> Self {
                $id(index)
            }
            fn to_index(self) -> usize {
                self.0
            }
        }

        impl ById<$id> for [$layer] {
            type Item = $layer;
            fn by_id(&self, id: $id) -> Option<&$layer> {
                self.get(id.0)
            }
            fn next_id(&self) -> $id {
                $id(self.len())
            }
            fn with_ids<'a>(&'a self) -> impl DoubleEndedIterator<Item = ($id, &'a $layer)>
            where
                $layer: 'a,
            {
                self.iter().enumerate().map(|(i, x)| ($id(i), x))
            }
        }
        impl Index<$id> for [$layer] {
            type Output = $layer;
            fn index(&self, id: $id) -> &$layer {
                &self[id.0]
            }
        }
        impl IndexMut<$id> for [$layer] {
            fn index_mut(&mut self, id: $id) -> &mut $layer {
                &mut self[id.0]
            }
        }
        impl Index<$id> for Vec<$layer> {
            type Output = $layer;
            fn index(&self, id: $id) -> &$layer {
                &self[id.0]
            }
        }
        impl IndexMut<$id> for Vec<$layer> {
            fn index_mut(&mut self, id: $id) -> &mut $layer {
                &mut self[id.0]
            }
        }
    )*};
}

layer_ids! {
    /// A block of `Document::blocks`.
    BlockId => Block;
    /// A sentence of `Document::sentences`; the JSON writes its index.
    SentenceId => Sentence;
    /// A mention of `Document::mentions` (`m1` in the JSON).
    MentionId => Mention;
    /// An entity of `Document::entities` (`e1` in the JSON).
    EntityId => Entity;
    /// A quote of `Document::quotes` (`q1` in the JSON).
    QuoteId => Quote;
    /// A time expression of `Document::times` (`t1` in the JSON).
    TimeId => TimeExpr;
    /// A figure of `Document::quantities` (`n1` in the JSON).
    QuantityId => Quantity;
    /// An event of `Document::events` (`v1` in the JSON).
    EventId => Event;
}

/// The ids the JSON gives items: a letter for the layer and the 1-based
/// position ("e3" for the third entity). They serialise as that string.
macro_rules! json_ids {
    ($($id:ident => $letter:literal;)*) => {$(
        impl fmt::Display for $id {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($letter, "{}"), self.0 + 1)
            }
        }
        impl Serialize for $id {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )*};
}

json_ids! {
    MentionId => "m";
    EntityId => "e";
    QuoteId => "q";
    TimeId => "t";
    QuantityId => "n";
    EventId => "v";
}

impl Serialize for SentenceId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0 as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_as_the_json_writes_them() {
        assert_eq!(EntityId::new(0).to_string(), "e1");
        assert_eq!(MentionId::new(2).to_string(), "m3");
        assert_eq!(
            serde_json::to_string(&[QuantityId::new(1)]).unwrap(),
            r#"["n2"]"#
        );
        assert_eq!(serde_json::to_string(&SentenceId::new(4)).unwrap(), "4");
        assert_eq!(EventId::new(1).shifted(3), EventId::new(4));
    }

    #[test]
    fn a_layer_is_indexed_by_its_own_id() {
        use crate::{BlockKind, Span};
        let mut blocks = vec![Block {
            span: Span::new(0, 4),
            kind: BlockKind::Heading,
        }];
        let next = blocks.next_id();
        assert_eq!(next, BlockId::new(1));
        blocks.push(Block {
            span: Span::new(5, 9),
            kind: BlockKind::Paragraph,
        });
        assert_eq!(blocks[next].span, Span::new(5, 9));
        blocks[BlockId::new(0)].kind = BlockKind::Byline;
        assert_eq!(blocks[..1][BlockId::new(0)].kind, BlockKind::Byline);
        assert!(blocks.by_id(BlockId::new(2)).is_none());
        let ids: Vec<BlockId> = blocks.with_ids().map(|(id, _)| id).collect();
        assert_eq!(ids, [BlockId::new(0), next]);
    }

    #[test]
    fn an_id_vec_is_indexed_by_its_id() {
        let mut renumber: Renumber<EntityId> = vec![EntityId::new(1), EntityId::new(0)].into();
        assert_eq!(renumber[EntityId::new(0)], EntityId::new(1));
        assert_eq!(renumber.push(EntityId::new(2)), EntityId::new(2));
        renumber[EntityId::new(2)] = EntityId::new(0);
        assert_eq!(renumber.len(), 3);
        let entity_of: IdVec<MentionId, Option<EntityId>> = IdVec::filled(None, 2);
        assert_eq!(entity_of[MentionId::new(1)], None);
        assert!(IdVec::<QuoteId, bool>::default().is_empty());
    }
}
