"""The Flask prototype that DataMingle replaces, rebuilt for side-by-side benchmarks only.

A minimal Flask + Flask-SQLAlchemy + Flask-Migrate app with the seed guide's User model and its
Alembic migration (revision c7948bcecaac, "Initial migration"), so that `flask db current`,
`flask db history` and `flask db upgrade` behave as in the guide, and the HTTP routes the
workloads need:

- GET /health
- GET /api/me: verifies the RS256 bearer token against a JWKS (cached), looks the user up by
  `sub`, creates it on the first sign-in from the token's claims, and records last_login_at and
  last_session_id when the token carries a new session (`sid`), as DataMingle does.
- PATCH /api/me: first_name, last_name, timezone, language.
- GET /api/users: the admin's user list, as DataMingle's: `limit` (default 50, at most 200) and
  an opaque `cursor`, pages in id order, `{"users": [...], "next_cursor": ...}` (null on the
  last page); 403 for a user who is not an active admin.

Configuration (environment):
- PROTOTYPE_DATABASE_URL: SQLAlchemy URL (sqlite:////abs/path.sqlite or postgresql://...);
  default sqlite:///db.sqlite in the current folder.
- PROTOTYPE_JWKS_URL: the JWKS to verify tokens against; default the one `datamingle serve --dev`
  writes in the current folder (.datamingle-dev/jwks.json).
- PROTOTYPE_ISSUER: the accepted `iss`; default DataMingle's dev issuer, urn:datamingle:dev.

Runs on Debian's packages only (python3-flask-migrate, python3-flask-sqlalchemy, python3-jwt,
python3-cryptography, python3-psycopg2, gunicorn); bench/side-by-side.sh installs them.
"""
import base64
import binascii
import datetime
import os
import pathlib
import re
import zoneinfo

import click
import jwt
from flask import Flask, jsonify, request
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

HERE = pathlib.Path(__file__).resolve().parent
CLAIM_EMAIL = "urn:datamingle:email"
CLAIM_FIRST_NAME = "urn:datamingle:first_name"
CLAIM_LAST_NAME = "urn:datamingle:last_name"
CLAIM_PICTURE = "urn:datamingle:profile_picture_url"
LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc)


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get(
    "PROTOTYPE_DATABASE_URL", "sqlite:///" + os.path.join(os.getcwd(), "db.sqlite"))
app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
db = SQLAlchemy(app)
migrate = Migrate(app, db, directory=str(HERE / "migrations"))


class User(db.Model):
    """The seed's User model (see the fixture's README for the exact table it makes)."""

    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    workos_user_id = db.Column(db.String(64), unique=True, nullable=False, index=True)
    email = db.Column(db.String(255), index=True)
    first_name = db.Column(db.String(100))
    last_name = db.Column(db.String(100))
    profile_picture_url = db.Column(db.String(2048))
    is_active = db.Column(db.Boolean, nullable=False, default=True)
    is_admin = db.Column(db.Boolean, nullable=False, default=False)
    timezone = db.Column(db.String(64), nullable=False, default="UTC")
    language = db.Column(db.String(35), nullable=False, default="en")
    last_session_id = db.Column(db.String(64))
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)
    last_login_at = db.Column(db.DateTime(timezone=True))

    def to_dict(self):
        def iso(value):
            return None if value is None else value.isoformat()

        return {
            "id": self.id,
            "workos_user_id": self.workos_user_id,
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "profile_picture_url": self.profile_picture_url,
            "is_active": self.is_active,
            "is_admin": self.is_admin,
            "timezone": self.timezone,
            "language": self.language,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
            "last_login_at": iso(self.last_login_at),
        }


_jwks = None


def jwks_client():
    """One JWKS client per worker; it keeps the key set for five minutes."""
    global _jwks
    if _jwks is None:
        url = os.environ.get("PROTOTYPE_JWKS_URL") or (pathlib.Path.cwd() / ".datamingle-dev" / "jwks.json").as_uri()
        _jwks = jwt.PyJWKClient(url, cache_keys=True, lifespan=300)
    return _jwks


def problem(status, title, detail, **extra):
    response = jsonify({"type": "about:blank", "title": title, "status": status, "detail": detail, **extra})
    response.status_code = status
    response.content_type = "application/problem+json"
    return response


class Unauthorized(Exception):
    pass


def verified_claims():
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("bearer ") or not header[7:].strip():
        raise Unauthorized("send Authorization: Bearer <access token>")
    token = header[7:].strip()
    try:
        key = jwks_client().get_signing_key_from_jwt(token)
        claims = jwt.decode(token, key.key, algorithms=["RS256"],
                            issuer=os.environ.get("PROTOTYPE_ISSUER", "urn:datamingle:dev"),
                            options={"require": ["exp", "iat", "sub", "sid"]})
    except jwt.PyJWTError as e:
        raise Unauthorized(f"the token did not verify ({type(e).__name__}); sign in again")
    if not str(claims.get("sub", "")).startswith("user_"):
        raise Unauthorized("the token's subject is not a WorkOS user; sign in again")
    return claims


def current_user():
    """The caller: created on the first sign-in, session recorded when the token's sid is new."""
    claims = verified_claims()
    user = User.query.filter_by(workos_user_id=claims["sub"]).first()
    now = utcnow()
    if user is None:
        if not claims.get(CLAIM_EMAIL):
            raise Unauthorized("the token carries no email for a new user")
        user = User(workos_user_id=claims["sub"], email=claims.get(CLAIM_EMAIL),
                    first_name=claims.get(CLAIM_FIRST_NAME), last_name=claims.get(CLAIM_LAST_NAME),
                    profile_picture_url=claims.get(CLAIM_PICTURE),
                    last_login_at=now, last_session_id=claims["sid"], created_at=now, updated_at=now)
        db.session.add(user)
        try:
            db.session.commit()
            return user
        except IntegrityError:  # a concurrent first sign-in of the same user won
            db.session.rollback()
            user = User.query.filter_by(workos_user_id=claims["sub"]).one()
    changed = False
    for field, claim in (("email", CLAIM_EMAIL), ("first_name", CLAIM_FIRST_NAME),
                         ("last_name", CLAIM_LAST_NAME), ("profile_picture_url", CLAIM_PICTURE)):
        value = claims.get(claim)
        if value is not None and getattr(user, field) != value:
            setattr(user, field, value)
            changed = True
    if user.last_session_id != claims["sid"]:
        user.last_session_id = claims["sid"]
        user.last_login_at = now
        changed = True
    if changed:
        db.session.commit()
    return user


@app.errorhandler(Unauthorized)
def unauthorized(e):
    return problem(401, "Unauthorized", str(e))


@app.get("/health")
def health():
    return jsonify({"status": "ok"})


@app.get("/api/me")
def get_me():
    user = current_user()
    if not user.is_active:
        return problem(403, "Forbidden", "this user is deactivated")
    return jsonify(user.to_dict())


@app.patch("/api/me")
def patch_me():
    user = current_user()
    if not user.is_active:
        return problem(403, "Forbidden", "this user is deactivated")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return problem(400, "Bad Request", "send a JSON object such as {\"first_name\": \"Ada\"}")
    errors = {}
    for name in body:
        if name not in ("first_name", "last_name", "timezone", "language"):
            errors[name] = "is not an editable field"
    for name in ("first_name", "last_name"):
        if name in body:
            value = body[name]
            if value is not None and (not isinstance(value, str) or not value.strip() or len(value.strip()) > 100):
                errors[name] = "must be 1 to 100 characters, or null"
    if "timezone" in body:
        try:
            zoneinfo.ZoneInfo(body["timezone"])
        except (TypeError, ValueError, zoneinfo.ZoneInfoNotFoundError):
            errors["timezone"] = "must be an IANA zone such as Europe/Paris"
    if "language" in body and not (isinstance(body["language"], str) and LANGUAGE.match(body["language"])
                                   and len(body["language"]) <= 35):
        errors["language"] = "must be a BCP 47 tag such as en or pt-BR"
    if errors:
        return problem(422, "Unprocessable Content", "some fields are not valid", errors=errors)
    for name in ("first_name", "last_name"):
        if name in body:
            setattr(user, name, None if body[name] is None else body[name].strip())
    for name in ("timezone", "language"):
        if name in body:
            setattr(user, name, body[name])
    db.session.commit()
    return jsonify(user.to_dict())


def page_cursor(user_id):
    return base64.urlsafe_b64encode(f"p1:{user_id}".encode()).decode().rstrip("=")


def after_id(cursor):
    """The id a cursor points after, or None when it is not one of ours."""
    try:
        text_ = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if not text_.startswith("p1:") or not text_[3:].isdigit():
        return None
    return int(text_[3:])


@app.get("/api/users")
def list_users():
    user = current_user()
    if not (user.is_active and user.is_admin):
        return problem(403, "Forbidden", "only an active admin may list users")
    errors = {}
    limit = 50
    if "limit" in request.args:
        try:
            limit = int(request.args["limit"])
        except ValueError:
            limit = 0
        if not 1 <= limit <= 200:
            errors["limit"] = "must be between 1 and 200"
    after = None
    if "cursor" in request.args:
        after = after_id(request.args["cursor"])
        if after is None:
            errors["cursor"] = "is not a cursor this service gave out"
    if errors:
        return problem(400, "Bad Request", "some parameters are not valid", errors=errors)
    query = User.query
    if after is not None:
        query = query.filter(User.id > after)
    users_ = query.order_by(User.id).limit(limit + 1).all()
    more = len(users_) > limit
    users_ = users_[:limit]
    return jsonify({"users": [u.to_dict() for u in users_],
                    "next_cursor": page_cursor(users_[-1].id) if more else None})


@app.cli.command("init-db")
def init_db():
    """Create the tables without migrations (the seed guide's `flask init-db`)."""
    db.create_all()
    print("Database tables created.")


@app.cli.command("reset-db")
def reset_db():
    """Drop and recreate every table (the seed guide's `flask reset-db`)."""
    db.drop_all()
    db.create_all()
    print("Database reset.")


@app.cli.group("users")
def users():
    """Look users up (for side-by-side start-up timing with `datamingle users show`)."""


@users.command("show")
@click.argument("reference")
def users_show(reference):
    """One user by email or WorkOS id."""
    user = User.query.filter((User.email == reference) | (User.workos_user_id == reference)).first()
    if user is None:
        raise click.ClickException(f"no user {reference}")
    for key, value in user.to_dict().items():
        print(f"{key}: {value}")


@app.cli.command("bench-seed")
@click.argument("first", type=int)
@click.argument("last", type=int)
def bench_seed(first, last):
    """Benchmark data: users FIRST..LAST shaped like bench/Seed.java's (same WorkOS ids, emails,
    names and a recorded session), in one statement."""
    columns = ("INSERT INTO users (workos_user_id, email, first_name, last_name, is_active, is_admin, timezone, "
               "language, last_session_id, created_at, updated_at, last_login_at) ")
    values = ("SELECT 'user_01SEED' || n, 'seed' || n || '@example.com', 'Seed', 'User' || n, {true}, {false}, "
              "'UTC', 'en', 'session_01SEED' || n, :at, :at, :at FROM ")
    if db.engine.dialect.name == "postgresql":
        sql = columns + values.format(true="true", false="false") + "generate_series(:first, :last) AS s(n)"
        at = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    else:
        sql = (columns + "WITH RECURSIVE s(n) AS (SELECT :first UNION ALL SELECT n + 1 FROM s WHERE n < :last) "
               + values.format(true="1", false="0") + "s")
        at = "2026-01-01 00:00:00.000000"  # how SQLAlchemy stores a DateTime on SQLite
    db.session.execute(text(sql), {"first": first, "last": last, "at": at})
    db.session.commit()
    print(f"seeded users {first}..{last}")


@app.cli.command("bench-promote")
@click.argument("workos_user_id")
def bench_promote(workos_user_id):
    """Make the user with this WorkOS id an active admin (the W4 benchmark's caller)."""
    user = User.query.filter_by(workos_user_id=workos_user_id).first()
    if user is None:
        raise click.ClickException(f"no user {workos_user_id}")
    user.is_admin = True
    user.is_active = True
    db.session.commit()
    print(f"{workos_user_id} is an admin")


@app.cli.command("bench-count")
@click.argument("prefix")
def bench_count(prefix):
    """How many users have a WorkOS id starting with PREFIX (checks a first-sign-in benchmark)."""
    print(User.query.filter(User.workos_user_id.startswith(prefix, autoescape=True)).count())
