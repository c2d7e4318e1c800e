"""The Python package: each call, DataFrames in and out, a trained model's round trip, and
bad input raising the right exception with demarche's one-line message."""

import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import demarche

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
IRAN = (FIXTURES / "gold-a" / "iran-nuclear-inspections.txt").read_text()
IRAN_TOPIC = "restoring IAEA inspections in Iran"
PETROV = '"We will never accept a plan written elsewhere," Foreign Minister Ivan Petrov said.'
QUOTE_COLUMNS = ["article", "index", "speaker", "source_text", "source_start", "source_end",
                 "cue", "cue_start", "cue_end", "kind", "text", "start", "end"]


def test_quotes_of_a_string_have_the_contract_columns_and_offsets():
    df = demarche.quotes(PETROV)
    assert list(df.columns) == QUOTE_COLUMNS
    assert len(df) == 1
    q = df.iloc[0]
    assert (q["article"], q["speaker"], q["kind"], q["cue"]) == ("0", "Ivan Petrov", "direct", "said")
    body = PETROV.encode()
    assert body[q["start"]:q["end"]].decode() == q["text"]
    assert body[q["source_start"]:q["source_end"]].decode() == q["source_text"]


def test_a_list_a_series_and_a_data_frame_give_the_same_quotes():
    texts = [IRAN, PETROV]
    from_list = demarche.quotes(texts)
    from_series = demarche.quotes(pd.Series(texts))
    frame = pd.DataFrame({"id": ["iran", "petrov"], "text": texts})
    from_frame = demarche.quotes(frame)
    assert len(from_list) > 10
    pd.testing.assert_frame_equal(from_list, from_series)
    assert list(from_frame["article"].unique()) == ["iran", "petrov"]
    pd.testing.assert_frame_equal(from_list.drop(columns="article"),
                                  from_frame.drop(columns="article"))


def test_classify_gives_stance_relevance_and_sentiment_per_quote():
    df = demarche.classify(IRAN, topic=IRAN_TOPIC)
    assert list(df.columns[:13]) == QUOTE_COLUMNS
    assert list(df.columns[13:]) == ["topic", "stance", "p_favor", "p_against", "p_none",
                                     "relevance", "sentiment", "p_positive", "p_negative",
                                     "p_neutral"]
    assert (df["topic"] == IRAN_TOPIC).all()
    assert set(df["stance"]) <= {"favor", "against", "none"}
    assert ((df[["p_favor", "p_against", "p_none"]].sum(axis=1) - 1).abs() < 1e-6).all()
    assert df["relevance"].between(0, 1).all()
    best = df[["p_favor", "p_against", "p_none"]].idxmax(axis=1).str[2:]
    assert (best == df["stance"]).all()


def test_classify_explains_when_asked():
    df = demarche.classify(PETROV, topic="the peace plan", explain=3)
    (explain,) = df["explain"]
    assert len(explain) == 3
    feature, weight = explain[0]
    assert isinstance(feature, str) and weight > 0


def test_report_gives_one_row_per_actor_with_dates_and_totals():
    frame = pd.DataFrame({
        "id": ["a1", "a2"],
        "text": [IRAN, PETROV],
        "date": [pd.Timestamp("2024-03-05"), "2024-03-07"],
        "title": ["Iran and the IAEA", None],
    })
    df = demarche.report(frame, topic=IRAN_TOPIC)
    assert df.attrs["articles"] == 2
    assert df.attrs["topic"] == IRAN_TOPIC
    assert df.attrs["model"].startswith("demarche-default@")
    assert df["quotes"].sum() == df.attrs["quotes"]
    assert df["quotes"].is_monotonic_decreasing
    for col in ["actor", "stance", "confidence", "votes_favor", "stance_against", "relevant",
                "irrelevant", "note", "evidence", "aliases"]:
        assert col in df.columns
    petrov = df.set_index("actor").loc["Ivan Petrov"]
    assert petrov["first_seen"] == "2024-03-07"
    assert petrov["note"] == "no statement on the topic"
    assert set(df["stance"]) <= {"favor", "against", "none"}


def test_report_matches_classify():
    rows = demarche.classify(IRAN, topic=IRAN_TOPIC)
    report = demarche.report(IRAN, topic=IRAN_TOPIC)
    assert report["quotes"].sum() + report.attrs["unattributed"] == len(rows)


def test_without_pandas_results_are_lists_of_dicts(monkeypatch):
    monkeypatch.setattr(demarche, "_pandas", lambda: None)
    rows = demarche.classify([PETROV], topic="the peace plan")
    assert isinstance(rows, list) and rows[0]["speaker"] == "Ivan Petrov"
    assert rows[0]["stance"] in ("favor", "against", "none")
    assert demarche.quotes(PETROV)[0]["cue"] == "said"
    actors = demarche.report(PETROV, topic="the peace plan")
    assert actors[0]["actor"] == "Ivan Petrov"
    assert actors[0]["report"]["articles"] == 1


def labeled():
    return pd.read_csv(REPO / "training" / "statements-a.csv")


def test_a_trained_model_round_trips_through_a_file(tmp_path):
    data = labeled()
    model = demarche.train(data, text="text", topic="topic", stance="stance",
                           sentiment="sentiment")
    assert model.name.startswith("trained@")
    assert model.card["rows"] == len(data)
    assert model.stance_labels == ["favor", "against", "none"]
    path = tmp_path / "mine.dmm"
    model.save(path)
    loaded = demarche.Model.load(path)
    assert loaded.name == "mine@" + model.name.split("@")[1]
    topic = data["topic"].iloc[0]
    a = demarche.classify(IRAN, topic=topic, model=model)
    b = demarche.classify(IRAN, topic=topic, model=loaded)
    pd.testing.assert_frame_equal(a, b)
    assert "relevance" not in a.columns, "no relevance classifier was trained"
    r = demarche.report(IRAN, topic=topic, model=loaded)
    assert r.attrs["model"] == loaded.name


def test_training_stance_only_and_on_renamed_columns():
    data = labeled().rename(columns={"text": "Tweet", "stance": "Stance"})
    model = demarche.train(data, text="Tweet", stance="Stance", sentiment=None)
    assert model.sentiment_labels == []
    df = demarche.classify(PETROV, topic="the peace plan", model=model)
    assert "sentiment" in df.columns and df["sentiment"].isna().all()


def test_bad_input_raises_with_the_one_line_message():
    with pytest.raises(demarche.InputError, match="^the topic must not be empty$") as e:
        demarche.classify(PETROV, topic="  ")
    assert isinstance(e.value, ValueError) and e.value.exit_code == 2
    with pytest.raises(demarche.InputError, match='no column "text"'):
        demarche.quotes(pd.DataFrame({"body": [PETROV]}))
    with pytest.raises(demarche.InputError, match="article 1: no text"):
        demarche.quotes([PETROV, None])
    with pytest.raises(TypeError, match="text must be a string"):
        demarche.quotes([PETROV, 3])
    with pytest.raises(TypeError):
        demarche.quotes(42)
    with pytest.raises(demarche.InputError, match="unknown grouping"):
        demarche.report(PETROV, topic="t", by="country")


def test_bad_labeled_rows_raise_as_the_command_line_reports_them():
    data = labeled().head(40).copy()
    data.loc[3, "text"] = None
    with pytest.raises(demarche.InputError, match=r"^DataFrame:5: ") as e:
        demarche.train(data)
    assert "\n" not in str(e.value)
    with pytest.raises(demarche.InputError, match='no column "Tweet"'):
        demarche.train(labeled(), text="Tweet")
    with pytest.raises(demarche.InputError, match="no label column"):
        demarche.train(labeled()[["text", "topic"]])


def test_bad_model_files_raise(tmp_path):
    with pytest.raises(demarche.FileError) as e:
        demarche.Model.load(tmp_path / "missing.dmm")
    assert isinstance(e.value, OSError)
    junk = tmp_path / "junk.dmm"
    junk.write_bytes(b"not a model")
    with pytest.raises(demarche.ModelError, match="junk.dmm"):
        demarche.Model.load(junk)
    with pytest.raises(TypeError):
        demarche.classify(PETROV, topic="t", model="builtin")


def test_the_gil_is_released_while_rust_works():
    texts = [p.read_text() for p in sorted(FIXTURES.glob("gold-*/*.txt"))] * 20
    span = {}

    ids = [str(i) for i in range(len(texts))]

    def work():
        # The Rust call alone: no Python-side work inside the span.
        span["start"] = time.perf_counter()
        demarche._demarche.classify(ids, texts, None, None, None, [IRAN_TOPIC])
        span["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    inside = [t for t in ticks if span["start"] + 0.02 < t < span["end"] - 0.02]
    assert span["end"] - span["start"] > 0.1
    assert len(inside) > 5, "the main thread did not run while classify worked"


def test_report_by_affiliation_with_an_actor_dictionary(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("name,aliases,affiliation,role\nIvan Petrov,Petrov,Serbia,foreign minister\n")
    df = demarche.report(PETROV, topic="the peace plan", by="affiliation", actors=actors)
    assert df.attrs["by"] == "affiliation"
    assert df["actor"].tolist() == ["Serbia"]
    assert df["members"][0] == ["Ivan Petrov"]
    with pytest.raises(demarche.FileError, match="missing.csv"):
        demarche.report(PETROV, topic="t", actors=tmp_path / "missing.csv")


BALKANS = (FIXTURES / "gold-a" / "balkans-border-talks.txt").read_text()
BALKANS_TOPIC = "the Drina border deal"


def dated_articles():
    return pd.DataFrame({
        "id": ["iran", "balkans", "petrov", "petrov-2"],
        "text": [IRAN, BALKANS, PETROV, '"The plan is dead," Ivan Petrov said.'],
        "date": ["2024-01-10", "2024-02-20", None, "2024-01-31"],
    })


def test_classify_on_several_topics_gives_each_quote_a_row_per_topic():
    topics = [IRAN_TOPIC, "the peace plan"]
    both = demarche.classify(IRAN, topic=topics)
    one = [demarche.classify(IRAN, topic=t) for t in topics]
    assert len(one[0]) > 5
    assert len(both) == 2 * len(one[0])
    assert both["topic"].tolist() == topics * len(one[0])
    assert both["index"].tolist() == [i for i in one[0]["index"] for _ in topics]
    for t, alone in zip(topics, one):
        pd.testing.assert_frame_equal(both[both["topic"] == t].reset_index(drop=True), alone)


def test_report_on_several_topics_gives_one_block_per_topic():
    frame = dated_articles()
    topics = [IRAN_TOPIC, BALKANS_TOPIC]
    df = demarche.report(frame, topic=topics)
    assert df.columns[0] == "topic"
    # One block per topic, in the order given.
    runs = [t for i, t in enumerate(df["topic"]) if i == 0 or df["topic"].iloc[i - 1] != t]
    assert runs == topics
    assert df.attrs["topics"] == topics
    assert df.attrs["model"].startswith("demarche-default@")
    for t, totals in zip(topics, df.attrs["reports"]):
        alone = demarche.report(frame, topic=t)
        block = df[df["topic"] == t].drop(columns="topic").reset_index(drop=True)
        assert len(block) == len(alone) > 2
        assert block["actor"].tolist() == alone["actor"].tolist()
        assert block["stance"].tolist() == alone["stance"].tolist()
        assert block["quotes"].tolist() == alone["quotes"].tolist()
        assert totals["topic"] == t and totals["quotes"] == alone.attrs["quotes"]
        assert block["quotes"].sum() == totals["quotes"]
    # A list of one topic has the topic column too; a string has not.
    assert demarche.report(PETROV, topic=["the peace plan"]).columns[0] == "topic"
    assert "topic" not in demarche.report(PETROV, topic="the peace plan").columns


def test_report_over_time_gives_one_row_per_actor_and_period():
    frame = dated_articles()
    whole = demarche.report(frame, topic=IRAN_TOPIC)
    df = demarche.report(frame, topic=IRAN_TOPIC, period="month")
    assert list(df.columns) == ["actor", "period", "quotes", "relevant", "stance",
                                "votes_favor", "votes_against", "votes_none"]
    assert df.attrs["period"] == "month"
    assert set(df["period"]) == {"2024-01", "2024-02", "undated"}
    petrov = df[df["actor"] == "Ivan Petrov"]
    assert petrov[["period", "quotes"]].values.tolist() == [["2024-01", 1], ["undated", 1]]
    # Each actor's quotes over its periods add up to its quotes in the whole report.
    per_actor = df.groupby("actor")["quotes"].sum()
    assert per_actor.to_dict() == whole.set_index("actor")["quotes"].to_dict()
    assert df["quotes"].sum() == df.attrs["quotes"] == whole.attrs["quotes"]
    assert (df["relevant"] <= df["quotes"]).all()
    votes = df[["votes_favor", "votes_against", "votes_none"]]
    assert ((votes.sum(axis=1) > 0) == (df["relevant"] > 0)).all()

    years = demarche.report(frame, topic=[IRAN_TOPIC, BALKANS_TOPIC], period="Year")
    assert list(years.columns[:3]) == ["topic", "actor", "period"]
    assert years.attrs["period"] == "year"
    assert set(years["period"]) == {"2024", "undated"}
    for t, totals in zip(years.attrs["topics"], years.attrs["reports"]):
        assert years[years["topic"] == t]["quotes"].sum() == totals["quotes"]
    with pytest.raises(demarche.InputError, match="unknown period"):
        demarche.report(frame, topic=IRAN_TOPIC, period="day")


def test_report_leaves_out_actors_with_fewer_quotes_than_asked():
    frame = dated_articles()
    whole = demarche.report(frame, topic=IRAN_TOPIC)
    few = (whole["quotes"] < 3).sum()
    assert 0 < few < len(whole)
    df = demarche.report(frame, topic=IRAN_TOPIC, min_quotes=3)
    assert df["actor"].tolist() == whole[whole["quotes"] >= 3]["actor"].tolist()
    assert df.attrs["min_quotes"] == 3
    assert df.attrs["actors_below_min_quotes"] == few
    assert df.attrs["quotes"] == whole.attrs["quotes"], "their quotes stay in the totals"
    monthly = demarche.report(frame, topic=IRAN_TOPIC, period="month", min_quotes=3)
    assert set(monthly["actor"]) == set(df["actor"])


def test_several_topics_without_pandas_and_bad_topic_lists(monkeypatch):
    with pytest.raises(demarche.InputError, match="^no topic given$"):
        demarche.report(PETROV, topic=[])
    with pytest.raises(demarche.InputError, match='topic "the plan" given twice'):
        demarche.classify(PETROV, topic=["the plan", " the plan "])
    with pytest.raises(TypeError, match="each topic must be a string"):
        demarche.report(PETROV, topic=["the plan", 3])
    with pytest.raises(TypeError, match="topic must be a string or a list"):
        demarche.classify(PETROV, topic=7)
    monkeypatch.setattr(demarche, "_pandas", lambda: None)
    rows = demarche.report(PETROV, topic=["the peace plan", "new sanctions"])
    assert [(r["topic"], r["actor"]) for r in rows] == [("the peace plan", "Ivan Petrov"),
                                                       ("new sanctions", "Ivan Petrov")]
    assert [r["report"]["topic"] for r in rows] == ["the peace plan", "new sanctions"]
    assert list(rows[0])[0] == "topic"
