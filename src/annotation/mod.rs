//! The W3C Web Annotation file. (Being written.)
