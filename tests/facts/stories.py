"""Stories written for the key-facts tests (invented, in the style of wire copy)."""

LUMEA = """Thousands of families fled the coastal city of Lumea on Tuesday as floodwater rose through its old port, officials said.

The U.N. special envoy Mattias Krell said 41,000 people who fled to Lumea's hills had no clean water. "We are racing the tide, and the tide is winning," Krell told reporters in Geneva.

"The levees were built for a storm of 1952, not for this," said Mayor Irene Castellano. She added that repairs would cost $4.2 million and take at least six weeks.

"We will rebuild every house," she said. "Nobody will be left behind."

The Lumea Harbour Board said water levels had risen 2.4 metres since Sunday. Castellano called the board's warning "far too late" and asked the European Union for help.

Police in Port Alder, 30 miles south, reported 12 deaths. The city council will meet on March 14 to vote on an emergency budget, according to Councillor Tomas Brenn.
"""
