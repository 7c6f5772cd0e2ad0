import Disclosure
