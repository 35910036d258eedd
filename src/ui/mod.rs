//! The Yew app. (Being written.)
