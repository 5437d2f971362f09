"""Without a secrets.toml, the sign-in settings are not looked for on every run of every session
(that lookup walked the home folder and config: ~1 ms a run); a file added later is still seen
within seconds."""

from streamlit import config
from streamlit.runtime.secrets import secrets_singleton

from ui import auth


def test_a_missing_secrets_file_is_looked_for_again_only_after_a_while(tmp_path, monkeypatch):
    secrets_file = tmp_path / "secrets.toml"
    lookups = []
    original = config.get_option

    def get_option(key):
        if key == "secrets.files":
            lookups.append(key)
            return [str(secrets_file)]
        return original(key)

    monkeypatch.setattr(config, "get_option", get_option)
    now = [1000.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(auth, "_no_secrets_until", [0.0])
    object.__setattr__(secrets_singleton, "_secrets", None)
    try:
        assert auth._secrets("auth") == {}
        looked = len(lookups)
        assert looked >= 1
        assert auth._secrets("auth") == {} and len(lookups) == looked  # not again at once
        secrets_file.write_text("[auth]\nrequire_login = true\n", encoding="utf-8")
        now[0] += auth._NO_SECRETS_S - 1
        assert auth.login_required() is False and len(lookups) == looked
        now[0] += 2  # a while later: the new file counts
        assert auth.login_required() is True
    finally:
        object.__setattr__(secrets_singleton, "_secrets", None)
