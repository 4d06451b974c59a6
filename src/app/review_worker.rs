//! The review runs on its own thread: the window sends the article after each edit and shows
//! the findings when they come back, then again once spelling suggestions are computed (when
//! the edits pause).

use crate::model::{Article, ProjectSettings};
use crate::review::{CheckContext, Finding, Reviewer};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// What to check.
pub struct Request {
    /// Numbers requests; replies carry it back.
    pub generation: u64,
    /// The article as it is now.
    pub article: std::sync::Arc<Article>,
    /// The project's settings.
    pub settings: ProjectSettings,
    /// What the project's other articles hold: slugs and tags.
    pub project: Arc<crate::review::ProjectFacts>,
    /// The present moment.
    pub now: chrono::DateTime<chrono::Utc>,
    /// The bundle's asset folder.
    pub assets: Option<std::path::PathBuf>,
}

/// Findings for one request.
pub struct Reply {
    /// The request's number.
    pub generation: u64,
    /// The findings.
    pub findings: Vec<Finding>,
    /// The article as it was checked (the findings' spans are offsets into it).
    pub article: std::sync::Arc<Article>,
}

/// The review thread's two ends.
pub struct ReviewWorker {
    requests: Sender<Request>,
    replies: Receiver<Reply>,
    latest: Arc<AtomicU64>,
}

impl ReviewWorker {
    /// Starts the thread; `waker` is called after each reply so the window repaints.
    pub fn spawn(waker: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (requests, inbox) = channel::<Request>();
        let (outbox, replies) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = latest.clone();
        std::thread::Builder::new()
            .name("copydesk-review".into())
            .spawn(move || serve(inbox, outbox, newest, waker))
            .expect("the review thread starts");
        ReviewWorker {
            requests,
            replies,
            latest,
        }
    }

    /// Asks for a check; older requests still queued are skipped.
    pub fn request(&self, request: Request) {
        self.latest.store(request.generation, Ordering::SeqCst);
        let _ = self.requests.send(request);
    }

    /// Tells the thread that the article changed since the last request (typing that has not
    /// paused yet), so that it stops filling in suggestions for the old text.
    pub fn interrupt(&self) {
        self.latest.store(u64::MAX, Ordering::SeqCst);
    }

    /// The replies that arrived since the last call.
    pub fn replies(&self) -> Vec<Reply> {
        self.replies.try_iter().collect()
    }
}

/// Spelling suggestions (tens of milliseconds a word) wait until the edits pause this long, so
/// that a word still being typed costs none, and typing has the second core to itself.
const SUGGESTION_PAUSE: Duration = Duration::from_millis(400);

fn serve(
    inbox: Receiver<Request>,
    outbox: Sender<Reply>,
    latest: Arc<AtomicU64>,
    waker: Arc<dyn Fn() + Send + Sync>,
) {
    let mut reviewer: Option<Reviewer> = None;
    let mut next = inbox.recv().ok();
    while let Some(mut request) = next.take() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let reviewer = match &mut reviewer {
            Some(r) if r.is_for(&request.settings) => r,
            slot => slot.insert(Reviewer::new(&request.settings)),
        };
        let context = CheckContext {
            settings: &request.settings,
            now: request.now,
            project: &request.project,
            assets: request.assets.as_deref(),
        };
        let mut findings = reviewer.check(&request.article, &context);
        let generation = request.generation;
        let reply = |findings| Reply {
            generation,
            findings,
            article: request.article.clone(),
        };
        if outbox.send(reply(findings.clone())).is_err() {
            return;
        }
        waker();
        match inbox.recv_timeout(SUGGESTION_PAUSE) {
            Ok(newer) => {
                next = Some(newer);
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {}
        }
        let still_wanted = || latest.load(Ordering::SeqCst) == generation;
        if reviewer.fill_suggestions(&request.article, &mut findings, &still_wanted) {
            if outbox.send(reply(findings)).is_err() {
                return;
            }
            waker();
        }
        next = inbox.recv().ok();
    }
}
