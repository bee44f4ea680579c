"""Where the CPU goes in a JFR recording: reads `jfr print --stack-depth 96 --events
jdk.ExecutionSample FILE` on standard input and prints (1) the share of samples whose stack
passes through each step of the request path (inclusive), (2) the share by the library of the
topmost frame (self), (3) the hottest top frames, (4) samples per thread group.
Usage: jfr print --stack-depth 96 --events jdk.ExecutionSample rec.jfr | python3 bench/jfr_top.py"""
import collections
import re
import sys

# inclusive: any frame of the stack matches (first pattern that matches names the step)
STEPS = [
    ("token verification (WorkOsTokenVerifier.verify)", "WorkOsTokenVerifier.verify"),
    ("  RSA signature check (java-jwt RSAAlgorithm.verify)", "RSAAlgorithm.verify"),
    ("  JWT decode (JWT.decode / JWTParser)", "com.auth0.jwt.JWTDecoder"),
    ("sign-in resolution (ResolveSignInService)", "ResolveSignInService.resolveSignIn"),
    ("  user cache (CachingUserRepository.findByWorkosUserId)", "CachingUserRepository.findByWorkosUserId"),
    ("  database read of the user (MyBatisUserRepository)", "MyBatisUserRepository.findByWorkosUserId"),
    ("  pool: getting a connection (HikariDataSource.getConnection)", "HikariDataSource.getConnection"),
    ("  write after sign-in (unitOfWork.inTransaction)", "UnitOfWork.inTransaction"),
    ("access check (AccessCheck.handle)", "AccessCheck.handle"),
    ("JSON answer (Jackson)", "com.fasterxml.jackson."),
    ("access log / logging (logback, SLF4J)", "ch.qos.logback."),
    ("metrics (Micrometer)", "io.micrometer."),
    ("Jetty (HTTP parsing, I/O, scheduling)", "org.eclipse.jetty."),
    ("JIT compiler threads", None),
]
LIBS = [
    ("JDK BigInteger (RSA arithmetic)", "java.math.BigInteger"),
    ("JDK security/crypto", ("sun.security.", "java.security.", "javax.crypto.", "com.sun.crypto.")),
    ("java-jwt", "com.auth0."),
    ("Jackson", "com.fasterxml.jackson."),
    ("sqlite-jdbc", "org.sqlite."),
    ("pgjdbc", "org.postgresql."),
    ("HikariCP", "com.zaxxer.hikari."),
    ("MyBatis", "org.apache.ibatis."),
    ("logback", "ch.qos.logback."),
    ("Jetty", "org.eclipse.jetty."),
    ("Javalin", "io.javalin."),
    ("Micrometer", "io.micrometer."),
    ("DataMingle", "com.datamingle."),
    ("JDK NIO / sockets", ("sun.nio.", "java.nio.")),
    ("JDK concurrency", ("java.util.concurrent.",)),
    ("JDK other", ("java.", "jdk.", "sun.")),
]

samples = []
thread = None
state = None
frames = []
inside = False
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        thread, frames, inside = None, [], False
    elif s.startswith("sampledThread"):
        m = re.search(r'"(.*)"', s)
        thread = m.group(1) if m else "?"
    elif s.startswith("stackTrace = ["):
        inside = True
    elif inside and s == "]":
        inside = False
        samples.append((thread, frames))
    elif inside and s and s != "...":
        frames.append(s.split("(")[0])

total = len(samples)
if total == 0:
    print("no execution samples")
    sys.exit(0)
print(f"{total} execution samples")


def group(name):
    name = re.sub(r"\d+", "N", name or "?")
    return name


print("\nInclusive share of samples (stack passes through):")
for title, pattern in STEPS:
    if pattern is None:
        continue
    n = sum(1 for _, fr in samples if any(pattern in f for f in fr))
    print(f"  {100.0 * n / total:5.1f} %  {title}")

print("\nSelf share by library of the top frame:")
libs = collections.Counter()
for _, fr in samples:
    top = fr[0] if fr else "?"
    for title, prefixes in LIBS:
        if top.startswith(prefixes if isinstance(prefixes, tuple) else (prefixes,)):
            libs[title] += 1
            break
    else:
        libs["other: " + ".".join(top.split(".")[:2])] += 1
for title, n in libs.most_common(14):
    print(f"  {100.0 * n / total:5.1f} %  {title}")

print("\nHottest top frames:")
tops = collections.Counter(fr[0] if fr else "?" for _, fr in samples)
for name, n in tops.most_common(15):
    print(f"  {100.0 * n / total:5.1f} %  {name}")

print("\nSamples by thread group:")
threads = collections.Counter(group(t) for t, _ in samples)
for name, n in threads.most_common(8):
    print(f"  {100.0 * n / total:5.1f} %  {name}")
