// The page's whole script: send a question to /api/ask, draw the answer, keep the conversation id in memory
// (no cookies, nothing stored), offer the follow-ups as buttons, and show the indicator dashboard.
"use strict";

(function () {
  const messages = document.getElementById("messages");
  const suggestions = document.getElementById("suggestions");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const sendButton = document.getElementById("send");
  const status = document.getElementById("status");
  let conversation;
  let busy = false;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function message(kind, who) {
    const item = element("li", "message " + kind);
    item.appendChild(element("span", "who", who + ": "));
    messages.appendChild(item);
    return item;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
    } catch {
      return undefined;
    }
  }

  function drawBlock(parent, block) {
    switch (block.kind) {
      case "headline":
        parent.appendChild(element("p", "headline", block.text));
        break;
      case "paragraph":
        parent.appendChild(element("p", "", block.text));
        break;
      case "note":
        parent.appendChild(element("p", "note", block.text));
        break;
      case "bullets": {
        if (block.title) parent.appendChild(element("p", "headline", block.title));
        const list = element("ul");
        for (const item of block.items) list.appendChild(element("li", "", item));
        parent.appendChild(list);
        break;
      }
      case "progress": {
        const wrap = element("label", "progress", block.label + " (" + block.caption + ")");
        const bar = element("progress");
        bar.max = 1;
        bar.value = block.ratio;
        bar.textContent = Math.round(block.ratio * 100) + "%";
        wrap.appendChild(bar);
        parent.appendChild(wrap);
        break;
      }
    }
  }

  function drawSources(parent, sources) {
    if (!sources || sources.length === 0) return;
    const box = element("div", "sources");
    box.appendChild(element("h3", "", "Nguồn"));
    const list = element("ul");
    for (const source of sources) {
      const item = element("li");
      const url = source.url && safeUrl(source.url);
      if (url) {
        const link = element("a", "", source.title);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        item.appendChild(link);
      } else item.textContent = source.title;
      list.appendChild(item);
    }
    box.appendChild(list);
    parent.appendChild(box);
  }

  function drawChart(parent, chart, open) {
    const details = element("details", "chart");
    details.open = open;
    details.appendChild(element("summary", "", "📈 Biểu đồ"));
    const image = element("img");
    image.src = chart.url;
    image.alt = chart.alt;
    image.loading = "lazy";
    details.appendChild(image);
    details.appendChild(element("p", "note", chart.caption));
    parent.appendChild(details);
  }

  function showSuggestions(list) {
    if (!list || list.length === 0) return;
    suggestions.replaceChildren();
    for (const text of list) {
      const button = element("button", "suggestion", text);
      button.type = "button";
      button.dataset.question = text;
      suggestions.appendChild(button);
    }
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    for (const button of suggestions.querySelectorAll("button")) button.disabled = value;
    status.textContent = value ? "Trợ lý đang trả lời…" : "";
  }

  async function ask(question, shown) {
    if (busy) return;
    const text = question.trim();
    if (text === "") {
      status.textContent = "Bạn chưa nhập câu hỏi.";
      input.focus();
      return;
    }
    message("user", "Bạn").appendChild(element("p", "", shown || text));
    setBusy(true);
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(conversation ? { question: text, conversation: conversation } : { question: text }),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok || !data.ok) {
        message("error", "Lỗi").appendChild(element("p", "", data.error || "Không gửi được câu hỏi. Bạn thử lại sau ít phút nhé."));
        return;
      }
      conversation = data.conversation;
      const item = message("bot", "Trợ lý");
      if (data.notice) item.appendChild(element("p", "", data.notice));
      if (data.answer) {
        for (const block of data.answer.blocks) drawBlock(item, block);
        if (data.chart) drawChart(item, data.chart, data.answer.intent === "status-all");
        drawSources(item, data.answer.sources);
        showSuggestions(data.answer.suggestions);
      }
      item.scrollIntoView({ block: "nearest" });
    } catch {
      message("error", "Lỗi").appendChild(element("p", "", "Không kết nối được với trợ lý. Bạn kiểm tra mạng rồi thử lại nhé."));
    } finally {
      setBusy(false);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    void ask(text).then(() => input.focus());
  });

  suggestions.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-question]");
    if (button) void ask(button.dataset.question, button.textContent);
  });

  async function loadDashboard() {
    const image = document.getElementById("dashboard-image");
    const caption = document.getElementById("dashboard-caption");
    try {
      const response = await fetch("/api/dashboard");
      const data = await response.json();
      if (!data.ok) throw new Error(data.error);
      image.src = data.url;
      image.alt = data.alt;
      document.getElementById("dashboard-link").href = data.url;
      caption.textContent = data.caption;
    } catch {
      image.alt = "";
      image.hidden = true;
      caption.textContent = "Chưa tải được bảng tình hình các chỉ tiêu.";
    }
  }

  void loadDashboard();
})();
