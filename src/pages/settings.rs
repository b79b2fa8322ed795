//! Settings: the workspace name and currency, the team, the taxonomies plans are built
//! from (departments, levels, offerings, meeting types), the scoring weights, bands, when
//! a plan is too thin to judge, and the review rhythm, and the danger zone (reset, demo,
//! delete all data).
//!
//! Removing a team member or a taxonomy entry that plans still refer to is refused with
//! the places that refer to it: a plan never points at something that is gone.

use leptos::prelude::*;

use crate::components::fields::{CheckboxField, NumberField, SelectField, TextField};
use crate::domain::model::{
    Bands, ComponentKind, Confidence, Id, LevelTerm, ReviewRhythm, Segment, Settings, TeamMember,
    Term, Workspace,
};
use crate::domain::sample::demo::demo_workspace;
use crate::format::LOCALES;
use crate::state::{use_app, use_locale, use_money, AppState};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="settings-heading">
            <h1 id="settings-heading">"Settings"</h1>
            <WorkspaceCard />
            <MeCard />
            <LocaleCard />
            <TeamCard />
            <TermsCard kind=TermKind::Departments />
            <LevelsCard />
            <TermsCard kind=TermKind::Offerings />
            <TermsCard kind=TermKind::MeetingTypes />
            <ScoringCard />
            <super::sync::SyncCard />
            <DangerZone />
        </section>
    }
}

/// Removes something (a member, a taxonomy entry) unless plans still refer to it; then
/// nothing changes and `refused` says where it is still used (the first few places).
fn remove_or_explain(
    state: AppState,
    refused: RwSignal<Option<String>>,
    what: &str,
    edit: impl FnOnce(&mut Workspace),
) {
    let problems = match state.remove_checked(edit) {
        Ok(()) => return refused.set(None),
        Err(problems) => problems,
    };
    let places: Vec<&str> = problems.iter().take(3).map(|p| p.path.as_str()).collect();
    let more = problems.len().saturating_sub(places.len());
    refused.set(Some(format!(
        "{what} is still used ({}{}). Change those first.",
        places.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )));
}

#[component]
fn WorkspaceCard() -> impl IntoView {
    let state = use_app();
    let name = Signal::derive(move || state.workspace.with(|ws| ws.name.clone()));
    let currency = Signal::derive(move || state.workspace.with(|ws| ws.settings.currency.clone()));
    let set_name = Callback::new(move |v: String| state.rename_workspace(v));
    let set_currency = Callback::new(move |v: String| {
        state.update_settings(|s| s.currency = v.trim().to_uppercase())
    });
    view! {
        <section class="card" aria-labelledby="ws-heading">
            <h2 id="ws-heading">"Workspace"</h2>
            <div class="form-grid">
                <TextField label="Workspace name" value=name on_commit=set_name />
                <TextField label="Currency" value=currency on_commit=set_currency placeholder="EUR" />
            </div>
        </section>
    }
}

/// Who I am: a team member chosen once on this browser (not in the workspace), whose
/// accounts My week shows.
#[component]
fn MeCard() -> impl IntoView {
    let state = use_app();
    let me = RwSignal::new(
        crate::persist::browser::read_me()
            .map(|id| id.to_string())
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(None::<String>);
    let options = Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.team
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let choose = Callback::new(move |v: String| {
        let id = (!v.is_empty()).then(|| Id::new(&v));
        match crate::persist::browser::write_me(id.as_ref()) {
            Ok(()) => {
                problem.set(None);
                me.set(v);
            }
            Err(e) => problem.set(Some(format!("Could not remember who you are: {e}."))),
        }
    });
    view! {
        <section class="card" aria-labelledby="me-heading">
            <h2 id="me-heading">"Who I am"</h2>
            <p class="hint">"Kept on this browser only: My week shows the accounts you own."</p>
            <SelectField label="I am" options value=me on_commit=choose none="Not chosen" />
            {move || problem.get().map(|p| view! { <p role="alert" class="error">{p}</p> })}
        </section>
    }
}

/// How this browser writes numbers, money and dates: a preference of this browser only.
#[component]
fn LocaleCard() -> impl IntoView {
    let user = use_locale();
    let money = use_money();
    let refused = RwSignal::new(None::<String>);
    let options = Signal::derive(|| {
        LOCALES
            .iter()
            .map(|l| {
                (
                    l.tag.to_string(),
                    format!("{} · {}", l.name, l.number(1234.5)),
                )
            })
            .collect::<Vec<_>>()
    });
    let value = Signal::derive(move || user.chosen().unwrap_or_default());
    let choose = Callback::new(move |tag: String| {
        refused.set(
            user.choose(Some(tag.as_str()).filter(|t| !t.is_empty()))
                .err(),
        );
    });
    let today = use_app().today;
    view! {
        <section class="card" aria-labelledby="locale-heading">
            <h2 id="locale-heading">"Numbers and dates"</h2>
            <p class="hint">"How this browser reads and shows numbers, money and dates. It is not part of the workspace: each person chooses their own."</p>
            <SelectField label="Number format" options value on_commit=choose none="The browser's language" />
            <p aria-live="polite">{move || {
                let l = user.get();
                format!("Example: {} · {} · {}", l.number(1_234_567.5), money(1_250_000.0), l.date(today))
            }}</p>
            {move || refused.get().map(|e| view! { <p role="alert" class="field-error">{e}</p> })}
        </section>
    }
}

#[component]
fn TeamCard() -> impl IntoView {
    let state = use_app();
    let ids = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.team.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
    });
    let refused = RwSignal::new(None::<String>);
    let new_name = RwSignal::new(String::new());
    let new_error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.add_member(&new_name.get_untracked()) {
            Ok(_) => new_error.set(None),
            Err(why) => return new_error.set(Some(why)),
        }
        new_name.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="team-heading">
            <h2 id="team-heading">"Team"</h2>
            <p class="hint">"The people who own accounts, contacts, opportunities and actions."</p>
            {move || refused.get().map(|r| view! { <p class="field-error" role="alert">{r}</p> })}
            <ul class="entity-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <MemberRow id refused />
                </For>
            </ul>
            <form class="inline-form" on:submit=add>
                <label for="settings-new-member">"New team member"</label>
                <input
                    id="settings-new-member"
                    type="text"
                    autocomplete="off"
                    bind:value=new_name
                    aria-invalid=move || new_error.with(Option::is_some).to_string()
                    aria-describedby="settings-new-member-error"
                />
                <button type="submit">"Add to team"</button>
                <span class="field-error" id="settings-new-member-error" aria-live="polite">
                    {move || new_error.get()}
                </span>
            </form>
        </section>
    }
}

#[component]
fn MemberRow(id: Id, refused: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(id);
    let field = move |read: fn(&TeamMember) -> String| {
        Signal::derive(move || {
            state.workspace.with(|ws| {
                ws.team
                    .iter()
                    .find(|m| m.id == id.get_value())
                    .map(read)
                    .unwrap_or_default()
            })
        })
    };
    let name = field(|m| m.name.clone());
    let set = move |write: fn(&mut TeamMember, String)| {
        Callback::new(move |v: String| state.update_member(&id.get_value(), |m| write(m, v)))
    };
    let remove = move |_| {
        let who = name.get_untracked();
        remove_or_explain(state, refused, &who, |ws| {
            ws.team.retain(|m| m.id != id.get_value())
        });
    };
    view! {
        <li class="entity">
            <fieldset>
                <legend>{move || name.get()}</legend>
                <div class="form-grid">
                    <TextField label="Name" value=name on_commit=set(|m, v| m.name = v) required=true />
                    <TextField label="Email" kind="email" value=field(|m| m.email.clone()) on_commit=set(|m, v| m.email = v) />
                    <TextField label="Title" value=field(|m| m.title.clone()) on_commit=set(|m, v| m.title = v) />
                </div>
                <button type="button" class="secondary" on:click=remove
                    aria-label=move || format!("Remove {} from the team", name.get())>
                    "Remove"
                </button>
            </fieldset>
        </li>
    }
}

/// The simple taxonomies: a named list each.
#[derive(Clone, Copy)]
enum TermKind {
    Departments,
    Offerings,
    MeetingTypes,
}

impl TermKind {
    fn list(self, s: &Settings) -> &Vec<Term> {
        match self {
            TermKind::Departments => &s.departments,
            TermKind::Offerings => &s.offerings,
            TermKind::MeetingTypes => &s.meeting_types,
        }
    }
    fn list_mut(self, s: &mut Settings) -> &mut Vec<Term> {
        match self {
            TermKind::Departments => &mut s.departments,
            TermKind::Offerings => &mut s.offerings,
            TermKind::MeetingTypes => &mut s.meeting_types,
        }
    }
    fn title(self) -> &'static str {
        match self {
            TermKind::Departments => "Departments",
            TermKind::Offerings => "Offerings",
            TermKind::MeetingTypes => "Meeting types",
        }
    }
    fn singular(self) -> &'static str {
        match self {
            TermKind::Departments => "Department",
            TermKind::Offerings => "Offering",
            TermKind::MeetingTypes => "Meeting type",
        }
    }
    fn hint(self) -> &'static str {
        match self {
            TermKind::Departments => {
                "The customer's departments, divisions or locations: the rows of the coverage grid."
            }
            TermKind::Offerings => {
                "Our products and services: the columns of the white-space grid."
            }
            TermKind::MeetingTypes => "The kinds of meeting a cadence is built from.",
        }
    }
    fn id_prefix(self) -> &'static str {
        match self {
            TermKind::Departments => "dept",
            TermKind::Offerings => "off",
            TermKind::MeetingTypes => "mt",
        }
    }
    fn slug(self) -> &'static str {
        match self {
            TermKind::Departments => "departments",
            TermKind::Offerings => "offerings",
            TermKind::MeetingTypes => "meeting-types",
        }
    }
}

#[component]
fn TermsCard(kind: TermKind) -> impl IntoView {
    let state = use_app();
    let ids = Memo::new(move |_| {
        state.workspace.with(|ws| {
            kind.list(&ws.settings)
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let refused = RwSignal::new(None::<String>);
    let add = move |_| {
        let id = state.new_id(kind.id_prefix());
        let n = ids.with_untracked(Vec::len) + 1;
        state.update_settings(|s| {
            kind.list_mut(s).push(Term {
                id,
                name: format!("New {} {n}", kind.singular().to_lowercase()),
            })
        });
    };
    let heading = format!("{}-heading", kind.slug());
    let labelled_by = heading.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{kind.title()}</h2>
            <p class="hint">{kind.hint()}</p>
            {move || refused.get().map(|r| view! { <p class="field-error" role="alert">{r}</p> })}
            <ol class="term-list">
                <For
                    each=move || ids.get().into_iter().enumerate()
                    key=|(i, id)| (*i, id.clone())
                    let:item
                >
                    <TermRow kind position=item.0 id=item.1 refused />
                </For>
            </ol>
            <button type="button" class="secondary" on:click=add>
                {format!("Add {}", kind.singular().to_lowercase())}
            </button>
        </section>
    }
}

#[component]
fn TermRow(
    kind: TermKind,
    position: usize,
    id: Id,
    refused: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(id);
    let name = Signal::derive(move || {
        state.workspace.with(|ws| {
            kind.list(&ws.settings)
                .iter()
                .find(|t| t.id == id.get_value())
                .map(|t| t.name.clone())
                .unwrap_or_default()
        })
    });
    let rename = Callback::new(move |v: String| {
        state.update_settings(|s| {
            if let Some(t) = kind.list_mut(s).iter_mut().find(|t| t.id == id.get_value()) {
                t.name = v;
            }
        })
    });
    let remove = move |_| {
        let what = format!("{} “{}”", kind.singular(), name.get_untracked());
        remove_or_explain(state, refused, &what, |ws| {
            kind.list_mut(&mut ws.settings)
                .retain(|t| t.id != id.get_value());
            ws.settings.updated_at = Some(chrono::Utc::now());
        });
    };
    view! {
        <li class="term-row">
            <TextField label=format!("{} {}", kind.singular(), position + 1) value=name on_commit=rename required=true />
            <button type="button" class="secondary" on:click=remove
                aria-label=move || format!("Remove {} {}", kind.singular().to_lowercase(), name.get())>
                "Remove"
            </button>
        </li>
    }
}

#[component]
fn LevelsCard() -> impl IntoView {
    let state = use_app();
    let ids = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.settings
                .levels
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let refused = RwSignal::new(None::<String>);
    let add = move |_| {
        let id = state.new_id("lvl");
        let n = ids.with_untracked(Vec::len) + 1;
        state.update_settings(|s| {
            s.levels.push(LevelTerm {
                id,
                name: format!("New level {n}"),
                executive: false,
                in_coverage: true,
            })
        });
    };
    view! {
        <section class="card" aria-labelledby="levels-heading">
            <h2 id="levels-heading">"Levels"</h2>
            <p class="hint">
                "Seniority levels, most senior first: the columns of the coverage grid. Executive levels count as executive contacts."
            </p>
            {move || refused.get().map(|r| view! { <p class="field-error" role="alert">{r}</p> })}
            <ol class="term-list">
                <For
                    each=move || ids.get().into_iter().enumerate()
                    key=|(i, id)| (*i, id.clone())
                    let:item
                >
                    <LevelRow position=item.0 id=item.1 refused />
                </For>
            </ol>
            <button type="button" class="secondary" on:click=add>"Add level"</button>
        </section>
    }
}

#[component]
fn LevelRow(position: usize, id: Id, refused: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(id);
    let read = move |f: fn(&LevelTerm) -> bool| {
        Signal::derive(move || {
            state.workspace.with(|ws| {
                ws.settings
                    .levels
                    .iter()
                    .find(|t| t.id == id.get_value())
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let name = Signal::derive(move || {
        state.workspace.with(|ws| {
            ws.settings
                .levels
                .iter()
                .find(|t| t.id == id.get_value())
                .map(|t| t.name.clone())
                .unwrap_or_default()
        })
    });
    let edit = move |f: &dyn Fn(&mut LevelTerm)| {
        state.update_settings(|s| {
            if let Some(t) = s.levels.iter_mut().find(|t| t.id == id.get_value()) {
                f(t)
            }
        })
    };
    let rename = Callback::new(move |v: String| edit(&|t| t.name = v.clone()));
    let set_executive = Callback::new(move |v: bool| edit(&|t| t.executive = v));
    let set_coverage = Callback::new(move |v: bool| edit(&|t| t.in_coverage = v));
    let remove = move |_| {
        let what = format!("Level “{}”", name.get_untracked());
        remove_or_explain(state, refused, &what, |ws| {
            ws.settings.levels.retain(|t| t.id != id.get_value());
            ws.settings.updated_at = Some(chrono::Utc::now());
        });
    };
    view! {
        <li class="term-row">
            <fieldset>
                <legend>{format!("Level {}", position + 1)}</legend>
                <TextField label="Name" value=name on_commit=rename required=true />
                <CheckboxField label="Executive" value=read(|t| t.executive) on_commit=set_executive />
                <CheckboxField label="Counts in coverage" value=read(|t| t.in_coverage) on_commit=set_coverage />
                <button type="button" class="secondary" on:click=remove
                    aria-label=move || format!("Remove level {}", name.get())>
                    "Remove"
                </button>
            </fieldset>
        </li>
    }
}

#[component]
fn ScoringCard() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="scoring-heading">
            <h2 id="scoring-heading">"Scoring and reviews"</h2>
            <WeightFields />
            <BandFields />
            <ConfidenceFields />
            <RhythmFields />
            <SegmentRhythmFields />
        </section>
    }
}

/// The eight components' weights, in the order the scorecard lists them, each with its
/// share of the score: the workspace's, or a segment's own (chosen above the fields; a
/// segment gets its own weights the first time one is changed for it).
#[component]
fn WeightFields() -> impl IntoView {
    let state = use_app();
    let scope = RwSignal::new(None::<Segment>);
    let read = move |ws: &Workspace, kind: ComponentKind| match scope.get() {
        None => ws.settings.weights.get(kind),
        Some(seg) => ws.settings.weights_for(seg).get(kind),
    };
    let total = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ComponentKind::ALL.iter().map(|&k| read(ws, k)).sum::<f64>())
    });
    let weights = ComponentKind::ALL
        .iter()
        .map(|&kind| {
            let label = kind.label();
            let value = Signal::derive(move || Some(state.workspace.with(|ws| read(ws, kind))));
            let share = move || {
                let t = total.get();
                let v = state.workspace.with(|ws| read(ws, kind));
                if t > 0.0 {
                    format!("{:.0}% of the score", v / t * 100.0)
                } else {
                    String::new()
                }
            };
            let commit = Callback::new(move |v: Option<f64>| {
                if let Some(v) = v {
                    let at = scope.get_untracked();
                    state.update_settings(|s| match at {
                        None => s.weights.set(kind, v),
                        Some(seg) => {
                            let mut w = s.weights_for(seg).clone();
                            w.set(kind, v);
                            s.segments.get_mut(seg).weights = Some(w);
                        }
                    });
                }
            });
            view! {
                <div class="weight">
                    <NumberField label=format!("{label} weight") value min=0.0 max=100.0 on_commit=commit />
                    <span class="hint">{share}</span>
                </div>
            }
        })
        .collect_view();
    let own = Signal::derive(move || {
        scope.get().is_some_and(|seg| {
            state
                .workspace
                .with(|ws| ws.settings.segments.get(seg).weights.is_some())
        })
    });
    let follow = move |_| {
        if let Some(seg) = scope.get_untracked() {
            state.update_settings(|s| s.segments.get_mut(seg).weights = None);
        }
    };
    view! {
        <fieldset>
            <legend>"Component weights"</legend>
            <p class="hint">
                "Weights are relative: each component counts by its share of the total. A component without data is left out and the others share its weight."
            </p>
            <div class="field">
                <label for="weights-scope">"Weights for"</label>
                <select id="weights-scope" on:change=move |ev| scope.set(<Segment as crate::domain::model::Choice>::from_key(&event_target_value(&ev)))>
                    <option value="">"Every segment (the workspace's)"</option>
                    {Segment::ALL.map(|seg| view! { <option value=seg.key()>{format!("{} accounts", seg.label())}</option> })}
                </select>
            </div>
            {move || scope.get().map(|seg| if own.get() {
                view! {
                    <p class="hint">{format!("{} accounts are scored with their own weights.", seg.label())}
                        " "<button type="button" class="secondary" on:click=follow>{format!("{}: use the workspace's weights", seg.label())}</button></p>
                }.into_any()
            } else {
                view! { <p class="hint">{format!("{} accounts follow the workspace's weights until you change one here.", seg.label())}</p> }.into_any()
            })}
            <div class="form-grid">{weights}</div>
            {move || (total.get() <= 0.0).then(|| view! {
                <p class="field-error" role="alert">"All weights are zero: every score will show as no data."</p>
            })}
        </fieldset>
    }
}

/// Where amber and green start; amber must start below green.
#[component]
fn BandFields() -> impl IntoView {
    let state = use_app();
    let settings = move || state.workspace.with(|ws| ws.settings.clone());
    let band_error = RwSignal::new(None::<String>);
    let set_band = move |edit: fn(&mut Bands, u8), v: Option<f64>| {
        let Some(v) = v else { return };
        let mut bands = settings().bands;
        edit(&mut bands, v.round().clamp(0.0, 100.0) as u8);
        if bands.amber_from >= bands.green_from {
            band_error.set(Some(format!(
                "Amber must start below green (amber from {}, green from {}).",
                bands.amber_from, bands.green_from
            )));
        } else {
            band_error.set(None);
            state.update_settings(|s| s.bands = bands);
        }
    };
    let amber = Signal::derive(move || Some(settings().bands.amber_from as f64));
    let green = Signal::derive(move || Some(settings().bands.green_from as f64));
    view! {
        <fieldset>
            <legend>"Bands"</legend>
            <div class="form-grid">
                <NumberField label="Amber from" value=amber min=1.0 max=99.0
                    on_commit=Callback::new(move |v| set_band(|b, x| b.amber_from = x, v)) />
                <NumberField label="Green from" value=green min=1.0 max=100.0
                    on_commit=Callback::new(move |v| set_band(|b, x| b.green_from = x, v)) />
            </div>
            {move || band_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </fieldset>
    }
}

/// When a plan is too thin to judge: its band is Incomplete, never red, amber or green.
#[component]
fn ConfidenceFields() -> impl IntoView {
    let state = use_app();
    let rule = move || state.workspace.with(|ws| ws.settings.confidence);
    let edit = move |change: fn(&mut Confidence, Option<f64>)| {
        Callback::new(move |v: Option<f64>| state.update_settings(|s| change(&mut s.confidence, v)))
    };
    let flag = move |change: fn(&mut Confidence, bool)| {
        Callback::new(move |v: bool| state.update_settings(|s| change(&mut s.confidence, v)))
    };
    let all = ComponentKind::ALL.len() as f64;
    view! {
        <fieldset>
            <legend>"Incomplete plans"</legend>
            <p class="hint">
                "A plan too thin to judge shows Incomplete, in grey, instead of red, amber or green, and its next best actions start with what to fill in."
            </p>
            <div class="form-grid">
                <NumberField label="Components with data needed for a band" value=Signal::derive(move || Some(f64::from(rule().min_components)))
                    min=0.0 max=all
                    on_commit=edit(|c, v| if let Some(v) = v { c.min_components = v.round() as u8 }) />
                <CheckboxField label="A plan needs a contact" value=Signal::derive(move || rule().needs_contact)
                    on_commit=flag(|c, v| c.needs_contact = v) />
                <CheckboxField label="A plan needs a revenue commitment" value=Signal::derive(move || rule().needs_commitment)
                    on_commit=flag(|c, v| c.needs_commitment = v) />
            </div>
        </fieldset>
    }
}

/// How often the monthly review and the quarterly update are due.
#[component]
fn RhythmFields() -> impl IntoView {
    let state = use_app();
    let settings = move || state.workspace.with(|ws| ws.settings.clone());
    let rhythm = move |read: fn(&ReviewRhythm) -> u32, write: fn(&mut ReviewRhythm, u32)| {
        (
            Signal::derive(move || Some(read(&settings().rhythm) as f64)),
            Callback::new(move |v: Option<f64>| {
                if let Some(v) = v {
                    state.update_settings(|s| write(&mut s.rhythm, v.round() as u32));
                }
            }),
        )
    };
    let (monthly, set_monthly) =
        rhythm(|r| r.monthly_review_days, |r, v| r.monthly_review_days = v);
    let (quarterly, set_quarterly) = rhythm(
        |r| r.quarterly_update_days,
        |r, v| r.quarterly_update_days = v,
    );
    view! {
        <fieldset>
            <legend>"Review rhythm"</legend>
            <div class="form-grid">
                <NumberField label="Monthly review every (days)" value=monthly min=7.0 max=62.0 on_commit=set_monthly />
                <NumberField label="Quarterly update every (days)" value=quarterly min=30.0 max=184.0 on_commit=set_quarterly />
            </div>
        </fieldset>
    }
}

/// Each segment's review rhythm: its own, or the workspace's above. Editing one day
/// count gives the segment its own rhythm (the other count kept as it was).
#[component]
fn SegmentRhythmFields() -> impl IntoView {
    let state = use_app();
    let rows = Segment::ALL
        .into_iter()
        .map(|segment| {
            let read = move |f: fn(&ReviewRhythm) -> u32| {
                Signal::derive(move || {
                    Some(state.workspace.with(|ws| f(ws.settings.rhythm_for(segment))) as f64)
                })
            };
            let write = move |f: fn(&mut ReviewRhythm, u32)| {
                Callback::new(move |v: Option<f64>| {
                    if let Some(v) = v {
                        state.update_settings(|s| {
                            let mut r = *s.rhythm_for(segment);
                            f(&mut r, v.round().max(1.0) as u32);
                            s.segments.get_mut(segment).rhythm = Some(r);
                        });
                    }
                })
            };
            let own = Signal::derive(move || {
                state.workspace.with(|ws| ws.settings.segments.get(segment).rhythm.is_some())
            });
            let follow = move |_| state.update_settings(|s| s.segments.get_mut(segment).rhythm = None);
            let name = segment.label();
            view! {
                <div class="segment-rhythm">
                    <NumberField label=format!("{name}: monthly review every (days)") value=read(|r| r.monthly_review_days)
                        min=1.0 max=366.0 on_commit=write(|r, v| r.monthly_review_days = v) />
                    <NumberField label=format!("{name}: quarterly update every (days)") value=read(|r| r.quarterly_update_days)
                        min=1.0 max=366.0 on_commit=write(|r, v| r.quarterly_update_days = v) />
                    {move || if own.get() {
                        view! { <button type="button" class="secondary" on:click=follow>{format!("{name}: use the rhythm above")}</button> }.into_any()
                    } else {
                        view! { <span class="hint">"Follows the rhythm above."</span> }.into_any()
                    }}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>"Review rhythm by segment"</legend>
            <p class="hint">"Strategic accounts are reviewed monthly and maintain accounts quarterly by default; each segment's plans go stale on its own rhythm."</p>
            <div class="form-grid">{rows}</div>
        </fieldset>
    }
}

/// What the danger zone is asking the user to confirm.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    ResetScoring,
    LoadDemo,
    DeleteAll,
}

#[component]
fn DangerZone() -> impl IntoView {
    let state = use_app();
    let pending = RwSignal::new(None::<Pending>);
    let done = RwSignal::new(None::<String>);
    let accounts = Memo::new(move |_| state.workspace.with(|ws| ws.accounts.len()));
    let ask = move |p: Pending| {
        done.set(None);
        pending.set(Some(p));
    };
    view! {
        <section class="card danger-zone" aria-labelledby="danger-heading">
            <h2 id="danger-heading">"Reset and delete"</h2>
            {move || done.get().map(|d| view! { <p role="status">{d}</p> })}
            <div class="button-row">
                <button type="button" class="secondary" on:click=move |_| ask(Pending::ResetScoring)>
                    "Reset scoring settings"
                </button>
                <button type="button" class="secondary" on:click=move |_| ask(Pending::LoadDemo)>
                    "Load the demo workspace"
                </button>
                <button type="button" class="danger" on:click=move |_| ask(Pending::DeleteAll)>
                    "Delete all my data"
                </button>
            </div>
            {move || pending.get().map(|p| view! { <Confirm what=p pending done accounts=accounts.get() /> })}
        </section>
    }
}

#[component]
fn Confirm(
    what: Pending,
    pending: RwSignal<Option<Pending>>,
    done: RwSignal<Option<String>>,
    accounts: usize,
) -> impl IntoView {
    let state = use_app();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let (title, text, action) = match what {
        Pending::ResetScoring => (
            "Reset scoring settings?",
            "The component weights, bands, the rule for incomplete plans and the review rhythm go back to their defaults. Plans, team and taxonomies stay as they are.".to_string(),
            "Reset",
        ),
        Pending::LoadDemo => (
            "Load the demo workspace?",
            if accounts == 0 {
                "Six made-up accounts are added to show what plans look like; clear them from the banner when you are done.".to_string()
            } else {
                format!("The demo replaces your {accounts} account{} and your team in this browser. Export your workspace first if you want to keep them.", plural(accounts))
            },
            "Load demo",
        ),
        Pending::DeleteAll => (
            "Delete all your data?",
            format!("Every account plan ({accounts} account{}), the team, the settings and any backups of unreadable data are removed from this browser. This cannot be undone. Export your workspace first if you may need it again.", plural(accounts)),
            "Delete everything",
        ),
    };
    let confirm = move |_| {
        pending.set(None);
        match what {
            Pending::ResetScoring => {
                state.update_settings(|s| {
                    let d = Settings::default();
                    s.weights = d.weights;
                    s.bands = d.bands;
                    s.confidence = d.confidence;
                    s.rhythm = d.rhythm;
                    s.segments = d.segments;
                });
                done.set(Some("Scoring settings reset to their defaults.".into()));
            }
            Pending::LoadDemo => {
                let mut ws: Workspace = demo_workspace(state.today);
                ws.id = state.new_id("ws");
                state.replace_workspace(ws);
                done.set(Some("The demo workspace is loaded.".into()));
            }
            Pending::DeleteAll => done.set(Some(match state.delete_all_data() {
                Ok(n) => format!(
                    "All data deleted from this browser ({n} stored value{} removed).",
                    plural(n)
                ),
                Err(e) => format!("Storage could not be cleared: {e}."),
            })),
        }
    };
    let export = move |_| state.download_workspace();
    let dialog_label = "confirm-heading";
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=dialog_label aria-describedby="confirm-text">
            <h3 id=dialog_label>{title}</h3>
            <p id="confirm-text">{text}</p>
            <div class="button-row">
                {(what != Pending::ResetScoring).then(|| view! {
                    <button type="button" class="secondary" on:click=export>"Export workspace first"</button>
                })}
                <button type="button" class="danger" on:click=confirm autofocus>{action}</button>
                <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
            </div>
        </div>
    }
}
