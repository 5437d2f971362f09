"""Streamlit's own English UI strings (column menu, dialogs, uploader, pagination) in Chinese."""

from __future__ import annotations

import functools
import json
import threading

import streamlit as st

from ui.labels.pages import FRONTEND_PATTERNS, FRONTEND_TEXT

# Runs once per browser tab (guarded): translates what is there, then a MutationObserver
# translates each string as the front end adds it, before the browser paints (observer
# callbacks are microtasks), so no English flashes and no width changes on screen.
# Its own element is hidden by the style it carries (one element, not a style element and a
# script element: every element is a message of its own to every new session).
_SCRIPT = """
<style>[data-testid=stElementContainer]:has(.jmb-frontend-text) {display: none !important;}</style>
<div class="jmb-frontend-text" hidden></div>
<script>
(() => {
  if (window.__jmbFrontendText) return;
  window.__jmbFrontendText = true;
  const TEXT = __TEXT__;
  const PATTERNS = __PATTERNS__.map(([source, to]) => [new RegExp(source), to]);
  const ATTRS = ["aria-label", "title", "placeholder"];
  const translate = (value) => {
    const text = value.trim();
    if (!text || !/[A-Za-z]/.test(text)) return null;
    if (Object.hasOwn(TEXT, text)) return value.replace(text, TEXT[text]);
    for (const [pattern, to] of PATTERNS) {
      if (pattern.test(text)) return value.replace(text, text.replace(pattern, to));
    }
    return null;
  };
  const onText = (node) => {
    const parent = node.parentElement;
    if (!parent || parent.closest("script,style,textarea,[contenteditable=true]")) return;
    const out = translate(node.nodeValue);
    if (out !== null && out !== node.nodeValue) node.nodeValue = out;
  };
  const onElement = (element) => {
    for (const name of ATTRS) {
      const value = element.getAttribute(name);
      const out = value && translate(value);
      if (out && out !== value) element.setAttribute(name, out);
    }
  };
  const walk = (root) => {
    if (root.nodeType === 3) return onText(root);
    if (root.nodeType !== 1) return;
    onElement(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      node.nodeType === 3 ? onText(node) : onElement(node);
    }
  };
  walk(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") onText(record.target);
      else if (record.type === "attributes") onElement(record.target);
      else record.addedNodes.forEach(walk);
    }
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ATTRS,
  });
})();
</script>
"""


@functools.cache
def script() -> str:
    """The translating script with the dictionary of ui/labels filled in (built once per process)."""
    patterns = [[source, to] for source, to in FRONTEND_PATTERNS]
    return _SCRIPT.replace("__TEXT__", json.dumps(FRONTEND_TEXT, ensure_ascii=False)).replace(
        "__PATTERNS__", json.dumps(patterns, ensure_ascii=False)
    )


def install() -> None:
    """Put the translator on the page (it takes no space and runs once per tab)."""
    st.html(script(), unsafe_allow_javascript=True)


# Whether this run's page already carries the translator: page.start puts it in the page's own
# style element (one element, one message to every new session, instead of two).
_run = threading.local()


def begin_run() -> None:
    """A new script run in this thread: the translator is not on its page yet."""
    _run.sent = False


def for_page_style() -> str:
    """The translator, to be sent inside the page's style element (ui/page.start)."""
    _run.sent = True
    return script()


def install_if_missing() -> None:
    """install(), unless this run's page style carried the translator (a page that stopped or
    failed before page.start, or the sign-in form, still gets it)."""
    if not getattr(_run, "sent", False):
        install()
        _run.sent = True
