"""`segdsl report`: the numbers, the JSON, and the HTML page rendered in a real headless browser."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from segdsl.cli import main

from servers import start, unavailable

ROOT = Path(__file__).resolve().parent.parent
BIKES = str(ROOT / "examples" / "bikes.seg")
BIKES_CSV = str(ROOT / "examples" / "data" / "bikes.csv")
COMMON = [BIKES, "--data", BIKES_CSV, "--as-of", "2026-11-01"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_has_sizes_tree_cells_and_overlaps(capsys):
    code, out, _ = run(capsys, "report", *COMMON)
    assert code == 0
    assert out.startswith("bikes.seg: 65 customers, as of 2026-11-01")
    lines = out.splitlines()
    assert "  cyclists.road.amateur.women        12   18.5%" in lines
    tree = lines[lines.index("Hierarchy") + 1:]
    assert [line.split()[0] for line in tree[:9]] == ["cyclists", "road", "beginner", "amateur", "women", "men",
                                                      "pro", "mountain", "gravel"]
    assert "  campaign_a                         10   15.4%" in tree and "    holdout                           2    3.1%" in tree
    assert "Partition bikes of cyclists: 17 labels in use" in lines
    assert "  road/amateur/F                     12   18.5%" in lines
    assert "  (none)                              2    3.1%" in lines  # no sport: not a cyclist
    assert "Ruleset lifecycle: 3 labels in use" in lines
    assert any(line.startswith("  has_email & cyclists: 54 shared") for line in lines)


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_json_report_is_the_same_on_every_engine(request, capsys, engine):
    start(request, engine)
    _, polars_json, _ = run(capsys, "report", *COMMON, "--format", "json")
    _, engine_json, _ = run(capsys, "report", *COMMON, "--format", "json", "--engine", engine)
    assert engine_json == polars_json
    report = json.loads(polars_json)
    assert report["rows"] == 65
    assert report["segments"]["cyclists.road"] == 38
    assert report["labels"]["lifecycle"] == {"at_risk": 35, "regular": 20, "vip": 10}
    assert report["overlaps"]["cyclists"]["cyclists.road"] == 38  # a child is inside its parent
    assert sum(report["labels"]["bikes"].values()) == 65


def test_html_needs_a_writable_place_and_writes_nothing_on_failure(capsys, tmp_path):
    target = tmp_path / "missing-dir" / "r.html"
    code, _, err = run(capsys, "report", *COMMON, "--html", str(target))
    assert code == 2 and "E901" in err and "Traceback" not in err
    assert not target.parent.exists()


def test_html_without_plotly_is_a_clear_error(capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "plotly", None)  # import plotly raises ImportError
    code, out, err = run(capsys, "report", *COMMON, "--html", str(tmp_path / "r.html"))
    assert code == 2 and "pip install 'segdsl[report]'" in err and out == ""
    assert not (tmp_path / "r.html").exists()


def test_bad_data_is_exit_2(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("customer_id,sport\n1,road\n", encoding="utf-8")
    code, _, err = run(capsys, "report", BIKES, "--data", str(bad))
    assert code == 2 and "E501" in err


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        unavailable("headless Chromium and chromedriver are not installed (Debian: chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # No network at all: the page must carry everything it needs.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


def test_html_report_renders_in_a_headless_browser(capsys, tmp_path):
    page = tmp_path / "bikes.html"
    code, _, _ = run(capsys, "report", *COMMON, "--html", str(page))
    assert code == 0
    text = page.read_text(encoding="utf-8")
    assert "<script src=" not in text  # Plotly inline: viewable offline
    browser = _browser()
    try:
        browser.get(page.as_uri())
        charts = browser.execute_script(
            "return Array.from(document.querySelectorAll('.js-plotly-plot')).map(e => [e.id, e.data.length,"
            " e.querySelectorAll('.main-svg').length])")
        assert [c[0] for c in charts] == ["chart-sizes", "chart-hierarchy", "chart-partition-bikes",
                                          "chart-partition-ages", "chart-ruleset-lifecycle", "chart-overlaps"]
        assert all(traces == 1 and svgs >= 1 for _, traces, svgs in charts)
        slices = browser.execute_script("return document.querySelectorAll('#chart-hierarchy g.slice').length")
        assert slices == 14  # cyclists and its 8 descendants, campaign_a and its holdout, the split and its 2 arms
        bars = browser.execute_script("return document.querySelectorAll('#chart-sizes g.point').length")
        assert bars == 33
        cells = browser.execute_script("return document.querySelectorAll('#chart-overlaps .hm, #chart-overlaps image').length")
        assert cells >= 1
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        browser.quit()
