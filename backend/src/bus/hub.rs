//! This instance's open sockets, indexed by who may see what: an event is handed only to the
//! sockets of its audience (the owner's, the unit's staff's, the unit's boards'), never to every
//! socket to inspect. Each socket has a bounded queue of its own; a socket too slow to empty it
//! misses events and catches up on its next read, without holding anybody else back.
use std::{
    collections::{HashMap, HashSet},
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
};

use tokio::sync::{Notify, mpsc};
use uuid::Uuid;

use super::{Body, Kind, Routed};

/// How many events a socket may have waiting before it misses some.
const QUEUE: usize = 256;

/// What a socket's task receives.
#[derive(Debug, Clone)]
pub enum Delivery {
    /// A live event, already serialised, to send as it is.
    Text(Arc<str>),
    /// The unit's queue moved: recount these waiting consultations of the socket's user.
    Recount(Vec<Uuid>),
}

/// Who a user's socket is.
pub struct Viewer {
    pub user: Uuid,
    pub session: Uuid,
    /// Staff: `None` for every unit (admins), else the units they may read. Public: `Some(∅)`.
    pub units: Option<HashSet<String>>,
    /// The user's own consultations waiting in a queue, and their units.
    pub waiting: HashMap<Uuid, String>,
}

struct Socket {
    tx: mpsc::Sender<Delivery>,
    closed: Arc<Notify>,
    kind: SocketKind,
}

enum SocketKind {
    User {
        user: Uuid,
        session: Uuid,
        units: Option<HashSet<String>>,
        waiting: HashMap<Uuid, String>,
    },
    /// A unit's board or a visitor's ticket feed: the unit's board changes only.
    Feed { unit: String },
}

#[derive(Default)]
struct Index {
    sockets: HashMap<u64, Socket>,
    by_user: HashMap<Uuid, HashSet<u64>>,
    by_session: HashMap<Uuid, HashSet<u64>>,
    /// Staff sockets per unit they may read.
    staff_of: HashMap<String, HashSet<u64>>,
    /// Staff sockets that read every unit.
    every_unit: HashSet<u64>,
    feeds_of: HashMap<String, HashSet<u64>>,
    /// Sockets whose user has a consultation waiting in the unit's queue.
    waiting_in: HashMap<String, HashSet<u64>>,
}

fn add(map: &mut HashMap<String, HashSet<u64>>, key: &str, id: u64) {
    map.entry(key.to_owned()).or_default().insert(id);
}

fn remove<K: std::hash::Hash + Eq>(map: &mut HashMap<K, HashSet<u64>>, key: &K, id: u64) {
    if let Some(set) = map.get_mut(key) {
        set.remove(&id);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

#[derive(Default)]
pub struct Hub {
    index: Mutex<Index>,
    next: AtomicU64,
}

/// A socket's place in the hub; dropping it removes the socket.
pub struct Registration {
    hub: Arc<Hub>,
    id: u64,
    /// Notified when the socket's session ended: close it.
    pub closed: Arc<Notify>,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.hub.unregister(self.id);
    }
}

impl Hub {
    fn lock(&self) -> std::sync::MutexGuard<'_, Index> {
        self.index.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn insert(self: &Arc<Self>, kind: SocketKind) -> (Registration, mpsc::Receiver<Delivery>) {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = mpsc::channel(QUEUE);
        let closed = Arc::new(Notify::new());
        let mut index = self.lock();
        match &kind {
            SocketKind::User {
                user,
                session,
                units,
                waiting,
            } => {
                index.by_user.entry(*user).or_default().insert(id);
                index.by_session.entry(*session).or_default().insert(id);
                match units {
                    None => {
                        index.every_unit.insert(id);
                    }
                    Some(units) => {
                        for unit in units {
                            add(&mut index.staff_of, unit, id);
                        }
                    }
                }
                for unit in waiting.values() {
                    add(&mut index.waiting_in, unit, id);
                }
            }
            SocketKind::Feed { unit } => add(&mut index.feeds_of, unit, id),
        }
        index.sockets.insert(
            id,
            Socket {
                tx,
                closed: closed.clone(),
                kind,
            },
        );
        drop(index);
        (
            Registration {
                hub: self.clone(),
                id,
                closed,
            },
            rx,
        )
    }

    pub fn register_user(
        self: &Arc<Self>,
        viewer: Viewer,
    ) -> (Registration, mpsc::Receiver<Delivery>) {
        self.insert(SocketKind::User {
            user: viewer.user,
            session: viewer.session,
            units: viewer.units,
            waiting: viewer.waiting,
        })
    }

    pub fn register_feed(self: &Arc<Self>, unit: &str) -> (Registration, mpsc::Receiver<Delivery>) {
        self.insert(SocketKind::Feed {
            unit: unit.to_owned(),
        })
    }

    fn unregister(&self, id: u64) {
        let mut index = self.lock();
        let Some(socket) = index.sockets.remove(&id) else {
            return;
        };
        match socket.kind {
            SocketKind::User {
                user,
                session,
                units,
                waiting,
            } => {
                remove(&mut index.by_user, &user, id);
                remove(&mut index.by_session, &session, id);
                match units {
                    None => {
                        index.every_unit.remove(&id);
                    }
                    Some(units) => {
                        for unit in units {
                            remove(&mut index.staff_of, &unit, id);
                        }
                    }
                }
                for unit in waiting.into_values() {
                    remove(&mut index.waiting_in, &unit, id);
                }
            }
            SocketKind::Feed { unit } => remove(&mut index.feeds_of, &unit, id),
        }
    }

    /// Open sockets of this instance (users' and feeds').
    pub fn sockets(&self) -> usize {
        self.lock().sockets.len()
    }

    /// Users' open sockets (feeds without an account apart), and the users they belong to.
    pub fn counts(&self) -> (usize, usize) {
        let index = self.lock();
        let sockets = index.by_user.values().map(HashSet::len).sum();
        (sockets, index.by_user.len())
    }

    /// The users with a socket open on this instance.
    pub fn users(&self) -> Vec<Uuid> {
        self.lock().by_user.keys().copied().collect()
    }

    /// Whether the user has a socket open on this instance.
    pub fn is_connected(&self, user: Uuid) -> bool {
        self.lock().by_user.contains_key(&user)
    }

    /// Hands an event to the sockets of its audience.
    pub fn dispatch(&self, event: &Routed) {
        let mut index = self.lock();
        match &event.body {
            Body::SessionsEnded(sessions) => {
                for session in sessions {
                    for id in index.by_session.get(session).into_iter().flatten() {
                        if let Some(socket) = index.sockets.get(id) {
                            socket.closed.notify_one();
                        }
                    }
                }
            }
            Body::QueueMoved => {
                let ids: Vec<u64> = index
                    .waiting_in
                    .get(&event.unit_code)
                    .map(|s| s.iter().copied().collect())
                    .unwrap_or_default();
                for id in ids {
                    let Some(Socket {
                        tx,
                        kind: SocketKind::User { waiting, .. },
                        ..
                    }) = index.sockets.get(&id)
                    else {
                        continue;
                    };
                    let mine: Vec<Uuid> = waiting
                        .iter()
                        .filter(|(_, unit)| **unit == event.unit_code)
                        .map(|(c, _)| *c)
                        .collect();
                    let _ = tx.try_send(Delivery::Recount(mine));
                }
            }
            Body::Live { text, kind } => {
                let text: Arc<str> = Arc::from(text.as_str());
                let mut audience: HashSet<u64> = HashSet::new();
                if let Some(only) = event.only_user {
                    audience.extend(index.by_user.get(&only).into_iter().flatten());
                } else {
                    if *kind != Kind::StaffOnly {
                        audience.extend(index.by_user.get(&event.owner_id).into_iter().flatten());
                    }
                    audience.extend(index.staff_of.get(&event.unit_code).into_iter().flatten());
                    audience.extend(index.every_unit.iter());
                    if *kind == Kind::Board {
                        audience.extend(index.feeds_of.get(&event.unit_code).into_iter().flatten());
                    }
                    if *kind == Kind::Typing
                        && let Some(actor) = event.actor_id
                    {
                        for id in index.by_user.get(&actor).into_iter().flatten() {
                            audience.remove(id);
                        }
                    }
                }
                if let Kind::Queue {
                    consultation_id,
                    waiting,
                } = kind
                {
                    Self::follow_queue(&mut index, event, *consultation_id, *waiting);
                }
                for id in audience {
                    if let Some(socket) = index.sockets.get(&id) {
                        // A full queue: this socket misses the event (it catches up on reads).
                        let _ = socket.tx.try_send(Delivery::Text(text.clone()));
                    }
                }
            }
        }
    }

    /// Keeps track of the owner's consultations entering and leaving the queue.
    fn follow_queue(index: &mut Index, event: &Routed, consultation: Uuid, waiting: bool) {
        let ids: Vec<u64> = index
            .by_user
            .get(&event.owner_id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        for id in ids {
            let Some(Socket {
                kind: SocketKind::User { waiting: mine, .. },
                ..
            }) = index.sockets.get_mut(&id)
            else {
                continue;
            };
            let before = mine.get(&consultation).cloned();
            if waiting {
                mine.insert(consultation, event.unit_code.clone());
            } else {
                mine.remove(&consultation);
            }
            let still_in =
                |unit: &str, mine: &HashMap<Uuid, String>| mine.values().any(|u| u == unit);
            let still_before = before.as_deref().is_some_and(|u| still_in(u, mine));
            if let Some(unit) = before
                && !still_before
            {
                remove(&mut index.waiting_in, &unit, id);
            }
            if waiting {
                add(&mut index.waiting_in, &event.unit_code, id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn live(owner: Uuid, unit: &str, kind: Kind) -> Routed {
        Routed {
            owner_id: owner,
            unit_code: unit.into(),
            only_user: None,
            actor_id: None,
            body: Body::Live {
                text: "{}".into(),
                kind,
            },
        }
    }

    fn viewer(user: Uuid, units: Option<&[&str]>) -> Viewer {
        Viewer {
            user,
            session: Uuid::new_v4(),
            units: units.map(|u| u.iter().map(|s| s.to_string()).collect()),
            waiting: HashMap::new(),
        }
    }

    #[test]
    fn events_reach_only_their_audience() {
        let hub = Arc::new(Hub::default());
        let (owner, other, officer, stranger_officer, admin) = (
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
        );
        let (_a, mut owner_rx) = hub.register_user(viewer(owner, Some(&[])));
        let (_b, mut other_rx) = hub.register_user(viewer(other, Some(&[])));
        let (_c, mut officer_rx) = hub.register_user(viewer(officer, Some(&["3375"])));
        let (_d, mut stranger_rx) = hub.register_user(viewer(stranger_officer, Some(&["6571"])));
        let (_e, mut admin_rx) = hub.register_user(viewer(admin, None));
        let (_f, mut board_rx) = hub.register_feed("3375");
        hub.dispatch(&live(owner, "3375", Kind::Plain));
        assert!(owner_rx.try_recv().is_ok());
        assert!(officer_rx.try_recv().is_ok());
        assert!(admin_rx.try_recv().is_ok());
        assert!(other_rx.try_recv().is_err());
        assert!(stranger_rx.try_recv().is_err());
        assert!(board_rx.try_recv().is_err(), "feeds get board changes only");
        hub.dispatch(&live(Uuid::nil(), "3375", Kind::Board));
        assert!(board_rx.try_recv().is_ok());
        assert!(officer_rx.try_recv().is_ok());
        assert!(owner_rx.try_recv().is_err());
    }

    #[test]
    fn typing_is_not_echoed_and_dropped_registrations_leave_no_trace() {
        let hub = Arc::new(Hub::default());
        let (owner, officer) = (Uuid::new_v4(), Uuid::new_v4());
        let (a, mut owner_rx) = hub.register_user(viewer(owner, Some(&[])));
        let (b, mut officer_rx) = hub.register_user(viewer(officer, Some(&["3375"])));
        let mut typing = live(owner, "3375", Kind::Typing);
        typing.actor_id = Some(owner);
        hub.dispatch(&typing);
        assert!(owner_rx.try_recv().is_err());
        assert!(officer_rx.try_recv().is_ok());
        drop((a, b));
        let index = hub.lock();
        assert!(index.sockets.is_empty() && index.by_user.is_empty());
        assert!(index.staff_of.is_empty() && index.by_session.is_empty());
    }

    #[test]
    fn queue_moves_go_to_owners_with_a_consultation_waiting_there() {
        let hub = Arc::new(Hub::default());
        let owner = Uuid::new_v4();
        let (_a, mut rx) = hub.register_user(viewer(owner, Some(&[])));
        let consultation = Uuid::new_v4();
        let moved = |unit: &str| Routed {
            body: Body::QueueMoved,
            ..live(Uuid::nil(), unit, Kind::Plain)
        };
        hub.dispatch(&moved("3375"));
        assert!(rx.try_recv().is_err());
        hub.dispatch(&live(
            owner,
            "3375",
            Kind::Queue {
                consultation_id: consultation,
                waiting: true,
            },
        ));
        assert!(matches!(rx.try_recv(), Ok(Delivery::Text(_))));
        hub.dispatch(&moved("3375"));
        match rx.try_recv() {
            Ok(Delivery::Recount(ids)) => assert_eq!(ids, vec![consultation]),
            other => panic!("expected a recount, got {other:?}"),
        }
        hub.dispatch(&moved("6571"));
        assert!(rx.try_recv().is_err());
        hub.dispatch(&live(
            owner,
            "3375",
            Kind::Queue {
                consultation_id: consultation,
                waiting: false,
            },
        ));
        let _ = rx.try_recv();
        hub.dispatch(&moved("3375"));
        assert!(rx.try_recv().is_err());
        assert!(hub.lock().waiting_in.is_empty());
    }
}
