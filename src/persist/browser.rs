//! The browser's localStorage, behind one small module.
