"""Helpers for writing Arabic training lines compactly (see models/data/GUIDE.md)."""
POL = "ar_saudinewsnet_politics.jsonl#saudinewsnet-"
CAND = "ar_candidates.jsonl#saudinewsnet-"

def M(status, trigger, participant, location=None, time=None):
    return {"type": "MEETING", "status": status, "trigger": trigger, "participant": list(participant),
            "location": location, "time": time}

def V(status, trigger, visitor, location=None, time=None, host=(), inviter=()):
    return {"type": "VISIT", "status": status, "trigger": trigger, "visitor": list(visitor),
            "host": list(host), "inviter": list(inviter), "location": location, "time": time}

def A(status, trigger, supplier, recipient, location=None, time=None):
    return {"type": "ARMS_TRANSFER", "status": status, "trigger": trigger, "supplier": list(supplier),
            "recipient": list(recipient), "location": location, "time": time}

def R(src, text, *events):
    """A real sentence: src is the article id suffix in ar_saudinewsnet_politics.jsonl."""
    return {"source": POL + src, "text": text, "events": list(events)}

def W(text, *events):
    """A sentence written fresh for coverage."""
    return {"source": "written", "text": text, "events": list(events)}

def C(src, text, *events):
    """A real sentence from ar_candidates.jsonl (an article NOT used in tests/gold)."""
    return {"source": CAND + src, "text": text, "events": list(events)}
