import Testing
@testable import Drafting
