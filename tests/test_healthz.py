"""/healthz: the liveness probe answers without the database.

These tests have no database access (no `django_db` mark): a query would make the view fail.
"""


def test_healthz_answers_ok_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
