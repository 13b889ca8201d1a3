//! The report as a flat tape, for handing it to JS in two pieces instead of thousands.
//!
//! Building a JS object graph from wasm costs one call across the boundary per object, field
//! and string (serde-wasm-bindgen), and each string is decoded on its own. The tape instead
//! is an array of integers, an array of floats and one string with every text of the report
//! run together; a
//! small decoder in JS (`js/tape.js`) rebuilds the same objects from them, slicing the texts
//! out of the one string. Any `Serialize` value is written as `serde_json` would write it
//! (structs as objects, unit variants as their names, `None` as `null`), so the decoded
//! object equals `JSON.parse` of the JSON report.
//!
//! The integers, read from the start, describe one value:
//!
//! | tag | value | followed by |
//! |---|---|---|
//! | 0 | `null` | |
//! | 1 | `false` | |
//! | 2 | `true` | |
//! | 3 | a whole number from 0 to 2³²−1 | the number |
//! | 4 | any other number | nothing: it is the next of the floats |
//! | 5 | a string | its length `n` in UTF-16 code units: the next `n` units of the text |
//! | 6 | an array | its length, then each item |
//! | 7 | an object | its field count, then per field a key and the value |
//! | 8 | an object with computed keys (a map) | its entry count, then per entry a string value (the key) and the value |
//! | 9 | a string kept with the keys | a key, as below: the string is that key's text |
//! | 10 | a string written before | its start and its length in UTF-16 units of the text, inside one string (tag 5) read before |
//!
//! A key below 2³¹ is the index of a key seen before; 2³¹ + `n` is a new key whose text is the
//! next `n` units of the text (and whose index is the number of keys seen before it). Whole
//! numbers (offsets, indices, counts: nearly all of a report's numbers) take four bytes, and
//! only the others (scores) eight.
//!
//! [`encode`] writes tags 0 to 8 only. [`report`] also writes the names of the report's enums
//! (`equal`, `body`, …) as tag 9, so that each is one string in JS however often it occurs, and
//! the texts that repeat part of a sentence written before (the words of each diff and
//! conflict, each occurrence of a quotation) as tag 10: on the seeds, the text that crosses to
//! JS (and is decoded from UTF-8 there) is 21,100 UTF-16 units instead of 67,900.

use crate::hash::Map;
use crate::offsets::utf16_len;
use serde::ser::{self, Serialize};
use std::fmt;

/// A value written as integers, floats and text; see the [module](self) for the layout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tape {
    /// Tags, lengths, keys and whole numbers.
    pub ints: Vec<u32>,
    /// The numbers that are not whole numbers from 0 to 2³²−1, in order.
    pub floats: Vec<f64>,
    /// Every string and new key, in order.
    pub text: String,
}

impl Tape {
    /// Writes a number: a whole one from 0 to 2³²−1 among the integers, any other among the
    /// floats, and, as in JSON, one that is not finite as null.
    fn number(&mut self, v: f64) {
        if !v.is_finite() {
            self.ints.push(NULL);
        } else if v.fract() == 0.0 && v.is_sign_positive() && v <= u32::MAX as f64 {
            self.ints.extend([INT, v as u32]);
        } else {
            self.ints.push(FLOAT);
            self.floats.push(v);
        }
    }
}

/// Why a value could not be written (only maps with keys that are not strings).
#[derive(Debug, Clone, PartialEq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const INT: u32 = 3;
const FLOAT: u32 = 4;
const STRING: u32 = 5;
const ARRAY: u32 = 6;
const OBJECT: u32 = 7;
const MAP: u32 = 8;
const NAME: u32 = 9;
const SLICE: u32 = 10;
/// Added to a new key's length.
const NEW_KEY: u32 = 1 << 31;

/// Writes `value` as a tape.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
    let mut encoder = Encoder::default();
    value.serialize(&mut encoder)?;
    Ok(encoder.tape)
}

#[derive(Default)]
struct Encoder {
    tape: Tape,
    /// Keys by address: a struct's field names are the same static strings every time, so
    /// their address finds them without hashing their text.
    keys: Map<(usize, usize), u32>,
}

impl Encoder {
    fn push(&mut self, n: u32) {
        self.tape.ints.push(n);
    }

    fn string(&mut self, s: &str) {
        self.push(STRING);
        self.push(utf16_len(s) as u32);
        self.tape.text.push_str(s);
    }

    fn key(&mut self, key: &'static str) {
        let next = self.keys.len() as u32;
        let known = *self.keys.entry((key.as_ptr() as usize, key.len())).or_insert(next);
        if known == next {
            self.push(NEW_KEY + utf16_len(key) as u32);
            self.tape.text.push_str(key);
        } else {
            self.push(known);
        }
    }

    /// Starts a container: its tag and a count to fill in when it ends.
    fn open(&mut self, tag: u32) -> Compound<'_> {
        self.push(tag);
        let at = self.tape.ints.len();
        self.push(0);
        Compound { encoder: self, at, count: 0 }
    }

    /// `{ "Variant": … }`: the object around the content of a non-unit enum variant.
    fn variant(&mut self, variant: &'static str) {
        self.push(OBJECT);
        self.push(1);
        self.key(variant);
    }
}

/// An array, object or map being written.
struct Compound<'a> {
    encoder: &'a mut Encoder,
    /// Where its count goes.
    at: usize,
    count: usize,
}

impl Compound<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.encoder)
    }

    fn end(self) -> Result<(), Error> {
        self.encoder.tape.ints[self.at] = self.count as u32;
        Ok(())
    }
}

/// Every other number is written as the `f64` it converts to, as JS holds it.
macro_rules! numbers_as_f64 {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.serialize_f64(v as f64)
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Encoder {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers_as_f64!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32);
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.tape.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.item(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(MAP))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(OBJECT))
    }
}

/// The compound traits whose items have no key: each writes the item and counts it.
macro_rules! items {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

items!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field);

/// The compound traits whose items are fields: each writes the key, then the item.
macro_rules! fields {
    ($($name:ident),*) => {$(
        impl ser::$name for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.encoder.key(key);
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let before = self.encoder.tape.ints.len();
        key.serialize(&mut *self.encoder)?;
        if self.encoder.tape.ints.get(before) != Some(&STRING) {
            return Err(Error("a map key must be a string".into()));
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

mod report;

pub use report::report;
pub(crate) use report::report_with_diffs;

#[cfg(test)]
mod tests;
