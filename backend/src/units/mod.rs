//! Units (national, provinces, regencies/cities), their published service standards and settings.
pub mod model;
pub mod routes;
pub mod service;
