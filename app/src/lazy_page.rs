//! `lazy_page!(Route, page::Component)`: a `#[lazy_route]` that shows one page component (the
//! page loads its own data), for the citizen app's and the admin workspace's lazy routes. The
//! caller has `leptos::prelude::*` and `leptos_router::{lazy_route, LazyRoute}` in scope (the
//! macro's paths resolve where it is used).

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
}
