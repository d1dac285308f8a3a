//! The accept loop over real sockets on loopback: the header, body and idle
//! timeouts, the cap on connections, HTTP/2 and the graceful end. Timeouts
//! are set short; each test asserts what happens to the connection (closed,
//! answered), never how fast.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use ascend_server::app::{Limits, app_with};
use ascend_server::serve::{ConnectionLimits, serve};
use ascend_types::ErrorResponse;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep, timeout};

/// Longer than any deadline here by far: waiting this long for an answer or
/// a close means it is not coming.
const PATIENCE: Duration = Duration::from_secs(10);

const SHORT: Duration = Duration::from_millis(300);
const LONG: Duration = Duration::from_secs(30);

struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    _dir: tempfile::TempDir,
}

impl Server {
    async fn connect(&self) -> TcpStream {
        TcpStream::connect(self.addr).await.unwrap()
    }

    /// Asks the loop to stop, and waits until it has.
    async fn stop(mut self) {
        self.stop.take().unwrap().send(()).unwrap();
        timeout(PATIENCE, self.task)
            .await
            .expect("the server stops")
            .unwrap()
            .unwrap();
    }
}

/// The real app behind the real accept loop, on a free port.
async fn start(limits: ConnectionLimits) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let pool = common::temp_pool(&dir).await;
    let dist = common::fake_dist(
        &dir,
        &[
            ("index.html", b"<!doctype html><title>Ascend</title>"),
            ("app.js", b"console.log('hi');"),
        ],
    );
    let app = app_with(common::state(pool), &dist, Limits::default());
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, app, limits, async {
        let _ = stopped.await;
    }));
    Server {
        addr,
        stop: Some(stop),
        task,
        _dir: dir,
    }
}

fn limits(header: Duration, body: Duration, idle: Duration) -> ConnectionLimits {
    ConnectionLimits {
        header_timeout: header,
        body_timeout: body,
        idle_timeout: idle,
        max_connections: 64,
    }
}

/// One response, read whole (bodies here have a Content-Length).
struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// Reads one response from `stream`, failing the test if none comes.
async fn read_answer<R: AsyncRead + Unpin>(stream: &mut R) -> Answer {
    timeout(PATIENCE, async {
        let mut buf = Vec::new();
        let end = loop {
            if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break at;
            }
            let mut chunk = [0u8; 4096];
            let read = stream.read(&mut chunk).await.expect("the answer is read");
            assert!(
                read > 0,
                "closed before answering: {:?}",
                String::from_utf8_lossy(&buf)
            );
            buf.extend_from_slice(&chunk[..read]);
        };
        let head = String::from_utf8(buf[..end].to_vec()).unwrap();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut answer = Answer {
            status,
            head,
            body: buf[end + 4..].to_vec(),
        };
        let length: usize = answer
            .header("content-length")
            .expect("a Content-Length")
            .parse()
            .unwrap();
        while answer.body.len() < length {
            let mut chunk = [0u8; 4096];
            let read = stream.read(&mut chunk).await.unwrap();
            assert!(read > 0, "closed mid-body");
            answer.body.extend_from_slice(&chunk[..read]);
        }
        answer
    })
    .await
    .expect("an answer within the test's patience")
}

/// Whether the server closed `stream` (end of file or reset) before the
/// test's patience ran out, reading and dropping anything before the close.
async fn closed(stream: &mut TcpStream) -> bool {
    timeout(PATIENCE, async {
        let mut chunk = [0u8; 4096];
        loop {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .is_ok()
}

async fn get(stream: &mut TcpStream, path: &str) -> Answer {
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
        .await
        .unwrap();
    read_answer(stream).await
}

#[tokio::test]
async fn half_a_head_is_dropped_after_the_header_timeout() {
    let server = start(limits(SHORT, LONG, LONG)).await;
    let mut stream = server.connect().await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        .await
        .unwrap();
    assert!(
        closed(&mut stream).await,
        "a half head holds the connection"
    );

    // A connection that sends nothing at all is no better.
    let mut silent = server.connect().await;
    assert!(closed(&mut silent).await, "a silent connection stays open");
    server.stop().await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_idle_timeout() {
    let server = start(limits(LONG, LONG, SHORT)).await;
    let mut stream = server.connect().await;
    let answer = get(&mut stream, "/healthz").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, b"ok");
    assert!(closed(&mut stream).await, "an idle connection stays open");
    server.stop().await;
}

#[tokio::test]
async fn the_wait_for_the_next_request_is_the_idle_timeout_not_the_header_timeout() {
    // hyper's own header timeout would start when it waits for the next
    // head, and close this connection after 200 ms.
    let server = start(limits(Duration::from_millis(200), LONG, LONG)).await;
    let mut stream = server.connect().await;
    assert_eq!(get(&mut stream, "/healthz").await.status, 200);
    sleep(Duration::from_millis(800)).await;
    assert_eq!(get(&mut stream, "/healthz").await.status, 200);
    server.stop().await;
}

#[tokio::test]
async fn a_connection_that_keeps_asking_stays_open_past_the_idle_timeout() {
    let idle = Duration::from_secs(1);
    let server = start(limits(LONG, LONG, idle)).await;
    let mut stream = server.connect().await;
    let started = Instant::now();
    let mut answered = 0;
    // Requests back to back, a little apart, for three idle timeouts.
    while started.elapsed() < idle * 3 {
        assert_eq!(get(&mut stream, "/healthz").await.status, 200);
        answered += 1;
        sleep(Duration::from_millis(20)).await;
    }
    assert!(answered > 3, "{answered}");
    server.stop().await;
}

#[tokio::test]
async fn a_body_shorter_than_its_length_gets_408_and_the_connection_closes() {
    let server = start(limits(LONG, SHORT, LONG)).await;
    let mut stream = server.connect().await;
    stream
        .write_all(
            b"POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"email\": \"a",
        )
        .await
        .unwrap();
    let answer = read_answer(&mut stream).await;
    assert_eq!(answer.status, 408, "{}", answer.head);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_eq!(answer.header("connection"), Some("close"));
    let error = serde_json::from_slice::<ErrorResponse>(&answer.body)
        .unwrap()
        .error;
    assert_eq!(error.code, "request_timeout");
    assert!(
        closed(&mut stream).await,
        "the connection stays open after 408"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_trickled_body_cannot_extend_its_deadline() {
    let server = start(limits(LONG, Duration::from_millis(500), LONG)).await;
    let mut stream = server.connect().await;
    stream
        .write_all(
            b"POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
        )
        .await
        .unwrap();
    // A byte every 50 ms would keep a per-frame timeout waiting for a
    // minute; the whole body's deadline ends it.
    let (mut reader, mut writer) = stream.split();
    let mut answer = Box::pin(read_answer(&mut reader));
    let answer = loop {
        tokio::select! {
            answer = &mut answer => break answer,
            () = sleep(Duration::from_millis(50)) => {
                // JSON allows spaces anywhere between values.
                let _ = writer.write_all(b" ").await;
            }
        }
    };
    assert_eq!(answer.status, 408, "{}", answer.head);
    server.stop().await;
}

#[tokio::test]
async fn a_static_file_with_a_short_body_is_answered_and_does_not_hold_the_connection() {
    let server = start(limits(LONG, SHORT, LONG)).await;
    let mut stream = server.connect().await;
    stream
        .write_all(b"GET /app.js HTTP/1.1\r\nHost: localhost\r\nContent-Length: 60\r\n\r\nabc")
        .await
        .unwrap();
    let answer = read_answer(&mut stream).await;
    assert_eq!(answer.status, 200, "{}", answer.head);
    assert_eq!(answer.body, b"console.log('hi');");
    // The rest of the body never comes; the file server did not wait for
    // it, and the connection cannot be used for another request.
    assert!(
        closed(&mut stream).await,
        "the connection waits for the body"
    );
    server.stop().await;
}

#[tokio::test]
async fn at_the_connection_cap_a_new_client_waits_and_is_answered_once_slow_ones_time_out() {
    let server = start(ConnectionLimits {
        header_timeout: Duration::from_secs(2),
        body_timeout: LONG,
        idle_timeout: LONG,
        max_connections: 4,
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..4 {
        let mut stream = server.connect().await;
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\n")
            .await
            .unwrap();
        slow.push(stream);
    }
    // The fifth connects (the kernel's backlog takes it) but is not served
    // while the four hold every place.
    let mut fifth = server.connect().await;
    fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let mut byte = [0u8; 1];
    assert!(
        timeout(Duration::from_millis(300), fifth.read(&mut byte))
            .await
            .is_err(),
        "a fifth connection was served past the cap of four"
    );
    let answer = read_answer(&mut fifth).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, b"ok");
    for stream in &mut slow {
        assert!(closed(stream).await, "a slow connection stays open");
    }
    server.stop().await;
}

#[tokio::test]
async fn http2_with_prior_knowledge_is_spoken() {
    let server = start(limits(LONG, LONG, LONG)).await;
    let mut stream = server.connect().await;
    // The client preface and an empty SETTINGS frame.
    stream
        .write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\x04\0\0\0\0\0")
        .await
        .unwrap();
    let mut frame = [0u8; 9];
    timeout(PATIENCE, stream.read_exact(&mut frame))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(frame[3], 0x4, "the server's first frame is its SETTINGS");
    server.stop().await;
}

#[tokio::test]
async fn stopping_lets_the_request_in_flight_finish_and_then_refuses_new_clients() {
    let server = start(limits(LONG, LONG, LONG)).await;
    let mut stream = server.connect().await;
    let body = br#"{"email": "not an address"}"#;
    stream
        .write_all(
            format!(
                "POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\n\
                 Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    stream.write_all(&body[..5]).await.unwrap();
    let addr = server.addr;
    let stopping = tokio::spawn(server.stop());
    sleep(Duration::from_millis(200)).await;
    assert!(!stopping.is_finished(), "stopped with a request in flight");
    stream.write_all(&body[5..]).await.unwrap();
    let answer = read_answer(&mut stream).await;
    assert_eq!(answer.status, 422, "{}", answer.head);
    assert!(closed(&mut stream).await);
    timeout(PATIENCE, stopping).await.unwrap().unwrap();
    assert!(TcpStream::connect(addr).await.is_err(), "still listening");
}
