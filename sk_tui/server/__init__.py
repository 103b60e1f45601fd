"""The central endpoint: FastAPI app, auth, push engine, storage (SQLAlchemy Core)."""
