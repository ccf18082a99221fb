import numpy as np

from newsgist.document import Document
from newsgist.methods.lead import LeadSummarizer
from newsgist.models import Article
from newsgist.segment import segment
from newsgist.select import top_k_in_order


def test_lead_prefers_earlier_sentences():
    body = "First one. Second one. Third one. Fourth one."
    document = Document(Article(body=body), tuple(segment(body)))
    scores = LeadSummarizer().score(document)
    assert np.all(np.diff(scores) < 0)
    assert top_k_in_order(scores, 2) == [0, 1]
