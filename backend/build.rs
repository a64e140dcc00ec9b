//! Rebuilds the server when the web app it carries (`frontend/dist`, see `src/web_app.rs`) is
//! built again: the files are taken in at compile time, and a new build of the app writes new
//! file names that nothing else would notice. Until the app is built, `frontend/` is watched
//! for the folder to appear.
fn main() {
    let dist = std::path::Path::new("../frontend/dist");
    if dist.exists() {
        println!("cargo:rerun-if-changed=../frontend/dist");
    } else {
        println!("cargo:rerun-if-changed=../frontend");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
