//! `lazy_page!(Route, page::Component)`: a `#[lazy_route]` that shows one page component (the
//! page loads its own data), for the citizen app's and the admin workspace's lazy routes. The
//! caller has `leptos::prelude::*` and `leptos_router::{lazy_route, LazyRoute}` in scope (the
//! macro's paths resolve where it is used).
//!
//! `lazy_page!(Route, page::Component, in chunk)`: the same route, but its code goes to the split
//! module `chunk`, shared with every other route named with it. `#[lazy_route]` gives each route a
//! split module of its own, and wasm-split then makes one more file per *set* of routes that
//! share code: the citizen offer page needed 89 files, most under 2 KB, and on HTTP/1.1 their
//! requests, not their bytes, set its load time (docs/benchmarks.md). Routes opened together
//! (the offer page and its follow-ups; the clinician pages) share a module instead. This is the
//! same Leptos code splitting (`leptos::wasm_split`, what `#[lazy]` expands to), with the module
//! named by us rather than by the call site.

#[macro_export]
macro_rules! lazy_page {
    ($route:ident, $page:path) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                $page().into_any()
            }
        }
    };
    ($route:ident, $page:path, in $chunk:ident) => {
        pub struct $route;

        // A scope of its own, so each route's split function and preloader can have the same
        // names (wasm-split's export names also carry a hash of the function name's span, which
        // differs per expansion; a clash would fail the link, not pass silently).
        const _: () = {
            #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload(#[doc(hidden)] preload_page))]
            fn page_view() -> AnyView {
                $page().into_any()
            }

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(this: Self) -> AnyView {
                    let _ = this;
                    page_view().await
                }

                async fn preload() {
                    preload_page().await
                }
            }
        };
    };
}
